package io.kanisterhooks.kube.patch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A Go slice of JSON values ({@code []interface{}}): a window of {@code len} elements at the start of a backing array
 * of {@code cap} elements. Slices that share an array see each other's writes, and {@code append} writes into the
 * array while its capacity lasts. apimachinery's strategic merge patch deletes and appends in place on the slice its
 * caller still holds, so the caller's view of the original list changes under it (see {@link ElementOrder}).
 */
final class GoSlice {

    private final Object[] array;
    private final int len;

    private GoSlice(Object[] array, int len) {
        this.array = array;
        this.len = len;
    }

    /**
     * The slice encoding/json decodes a JSON array into: its elements appended one by one to an empty slice, so its
     * capacity is the first power of two that holds them. That is Go's growth for 16-byte elements up to 32 elements
     * on every release, and up to 512 on Go 1.18 to 1.21 (seen with Go 1.19's encoding/json); other releases may give
     * longer lists another capacity. (The API server merges its own copy of an object, whose lists have no spare
     * capacity at all.)
     */
    static GoSlice decoded(List<?> values) {
        int cap = values.isEmpty() ? 0 : Integer.highestOneBit(values.size() - 1) << 1;
        return filled(values, Math.max(cap, values.size()));
    }

    private static GoSlice filled(List<?> values, int cap) {
        Object[] array = new Object[cap];
        for (int i = 0; i < values.size(); i++) {
            array[i] = values.get(i);
        }
        return new GoSlice(array, values.size());
    }

    int len() {
        return len;
    }

    Object get(int i) {
        return array[checked(i)];
    }

    /** {@code s[i] = value}: seen by every slice that shares the array. */
    void set(int i, Object value) {
        array[checked(i)] = value;
    }

    /** {@code s[:n]}: the same array, another length. */
    GoSlice slice(int n) {
        if (n < 0 || n > array.length) {
            throw new IndexOutOfBoundsException("slice bounds out of range [:" + n + "] with capacity "
                    + array.length);
        }
        return new GoSlice(array, n);
    }

    /** {@code append(s, value)}. */
    GoSlice append(Object value) {
        return appendAll(Collections.singletonList(value));
    }

    /**
     * {@code append(s, values...)}: written into this array when it has room for all of them, else into a new one
     * (whose exact capacity nobody can observe here: no other slice shares it).
     */
    GoSlice appendAll(List<?> values) {
        int n = len + values.size();
        Object[] target = n <= array.length ? array : Arrays.copyOf(array, Math.max(n, 2 * array.length));
        for (int i = 0; i < values.size(); i++) {
            target[len + i] = values.get(i);
        }
        return new GoSlice(target, n);
    }

    /**
     * {@code append(s[:i], s[i+1:]...)}, Go's removal in place: the later elements move down one place and the last
     * place keeps its old element, which slices of the old length still see.
     */
    GoSlice remove(int i) {
        checked(i);
        System.arraycopy(array, i + 1, array, i, len - i - 1);
        return new GoSlice(array, len - 1);
    }

    /** The elements as they are now. */
    List<Object> toList() {
        return new ArrayList<>(Arrays.asList(array).subList(0, len));
    }

    private int checked(int i) {
        if (i < 0 || i >= len) {
            throw new IndexOutOfBoundsException("index out of range [" + i + "] with length " + len);
        }
        return i;
    }
}
