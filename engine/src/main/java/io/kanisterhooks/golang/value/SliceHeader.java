package io.kanisterhooks.golang.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Go's slice memory model for {@code []interface {}} (reflect's SliceHeader: a window of {@code len} elements at the
 * start of a backing array of {@code cap} elements). Slices that share an array see each other's writes, and
 * {@code append} writes into the array while its capacity lasts. apimachinery's strategic merge patch deletes and
 * appends in place on the slice its caller still holds, so the caller's view of the original list changes under it;
 * encoding/json's decoder grows a slice by appending, which decides the capacity a decoded array has.
 */
public final class SliceHeader {

    /** Go's malloc size classes up to 32 KiB (runtime/sizeclasses.go). */
    private static final int[] SIZE_CLASSES = {0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192,
        208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408,
        1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472,
        9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};
    private static final int INTERFACE_SIZE = 16;
    private static final int PAGE = 8192;

    private final Object[] array;
    private final int len;

    private SliceHeader(Object[] array, int len) {
        this.array = array;
        this.len = len;
    }

    /**
     * The slice encoding/json decodes a JSON array into: its elements appended one by one to an empty slice, so its
     * capacity is {@link #appendCapacity}. (The API server merges its own copy of an object, whose lists have no spare
     * capacity at all.)
     */
    public static SliceHeader decoded(List<?> values) {
        return filled(values, appendCapacity(values.size()));
    }

    /**
     * The capacity of a {@code []interface {}} that grew from empty by appending {@code len} elements one by one
     * (runtime.growslice of Go 1.18 and later, rounded up to a malloc size class): powers of two up to 512, then
     * growing by about a quarter.
     */
    public static int appendCapacity(int len) {
        int cap = 0;
        for (int n = 1; n <= len; n++) {
            if (n > cap) {
                cap = grow(cap, n);
            }
        }
        return cap;
    }

    private static int grow(int oldCap, int needed) {
        long newCap = oldCap;
        long doubleCap = 2L * oldCap;
        if (needed > doubleCap) {
            newCap = needed;
        } else if (oldCap < 256) {
            newCap = doubleCap;
        } else {
            while (newCap < needed) {
                newCap += (newCap + 3 * 256) / 4;
            }
        }
        return (int) (roundUpSize(newCap * INTERFACE_SIZE) / INTERFACE_SIZE);
    }

    private static long roundUpSize(long size) {
        if (size <= SIZE_CLASSES[SIZE_CLASSES.length - 1]) {
            for (int c : SIZE_CLASSES) {
                if (c >= size) {
                    return c;
                }
            }
        }
        return (size + PAGE - 1) / PAGE * PAGE;
    }

    private static SliceHeader filled(List<?> values, int cap) {
        Object[] array = new Object[cap];
        for (int i = 0; i < values.size(); i++) {
            array[i] = values.get(i);
        }
        return new SliceHeader(array, values.size());
    }

    public int len() {
        return len;
    }

    public Object get(int i) {
        return array[checked(i)];
    }

    /** {@code s[i] = value}: seen by every slice that shares the array. */
    public void set(int i, Object value) {
        array[checked(i)] = value;
    }

    /** {@code s[:n]}: the same array, another length. */
    public SliceHeader slice(int n) {
        if (n < 0 || n > array.length) {
            throw new IndexOutOfBoundsException("slice bounds out of range [:" + n + "] with capacity "
                    + array.length);
        }
        return new SliceHeader(array, n);
    }

    /** {@code append(s, value)}. */
    public SliceHeader append(Object value) {
        return appendAll(Collections.singletonList(value));
    }

    /**
     * {@code append(s, values...)}: written into this array when it has room for all of them, else into a new one
     * (whose exact capacity nobody can observe here: no other slice shares it).
     */
    public SliceHeader appendAll(List<?> values) {
        int n = len + values.size();
        Object[] target = n <= array.length ? array : Arrays.copyOf(array, Math.max(n, 2 * array.length));
        for (int i = 0; i < values.size(); i++) {
            target[len + i] = values.get(i);
        }
        return new SliceHeader(target, n);
    }

    /**
     * {@code append(s[:i], s[i+1:]...)}, Go's removal in place: the later elements move down one place and the last
     * place keeps its old element, which slices of the old length still see.
     */
    public SliceHeader remove(int i) {
        checked(i);
        System.arraycopy(array, i + 1, array, i, len - i - 1);
        return new SliceHeader(array, len - 1);
    }

    /** The elements as they are now. */
    public List<Object> toList() {
        return new ArrayList<>(Arrays.asList(array).subList(0, len));
    }

    private int checked(int i) {
        if (i < 0 || i >= len) {
            throw new IndexOutOfBoundsException("index out of range [" + i + "] with length " + len);
        }
        return i;
    }
}
