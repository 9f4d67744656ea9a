package io.kanisterhooks.template.builtin;

import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.golang.strings.GoStrings;
import io.kanisterhooks.golang.value.GoInt;
import io.kanisterhooks.golang.value.GoKind;
import io.kanisterhooks.golang.value.GoNamed;
import io.kanisterhooks.golang.value.GoPointer;
import io.kanisterhooks.golang.value.GoSlice;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The builtins {@code index}, {@code slice} and {@code len}, with Go's error texts. */
public final class Indexing {
    private Indexing() {
    }

    /** {@code index item i j ...}: {@code item[i][j]...}; a missing map key yields the element's zero value. */
    public static Object index(Object item, Object... indexes) {
        if (item == null) {
            throw new GoError("index of untyped nil");
        }
        for (Object index : indexes) {
            if (item == null) {
                // a nil interface reached through an earlier index
                throw new GoError("index of nil pointer");
            }
            while (item instanceof GoPointer) {
                if (((GoPointer) item).isNil()) {
                    throw new GoError("index of nil pointer");
                }
                item = ((GoPointer) item).target();
            }
            GoType type = Values.typeOf(item);
            switch (type.kind()) {
                case ARRAY:
                case SLICE:
                case STRING:
                    item = elementAt(item, type, indexArg(index, Values.len(item)));
                    break;
                case MAP: {
                    String key = (String) prepareArg(index, type.key(), true);
                    Map<String, Object> entries = Values.entries(item);
                    Object v = entries.get(key);
                    item = v != null || entries.containsKey(key) ? v : Values.zero(type.elem());
                    break;
                }
                default:
                    throw new GoError("can't index item of type " + type);
            }
        }
        return item;
    }

    private static Object elementAt(Object item, GoType type, int x) {
        int len = Values.len(item);
        if (x == len) {
            String what = type.kind() == GoKind.STRING ? "string" : type.kind() == GoKind.ARRAY ? "array" : "slice";
            throw new GoError("reflect: " + what + " index out of range");
        }
        String s = Values.stringOf(item);
        if (s != null) {
            return GoInt.ofUint8(GoStrings.utf8(s)[x]);
        }
        if (item instanceof byte[]) {
            return GoInt.ofUint8(((byte[]) item)[x]);
        }
        return Values.elements(item).get(x);
    }

    /** Go's {@code indexArg}: an integer index within [0, cap]. */
    static int indexArg(Object index, int cap) {
        GoKind k = Values.kindOf(index);
        long x;
        if (k.isInteger()) {
            x = ((Number) index).longValue();
        } else if (index == null) {
            throw new GoError("cannot index slice/array with nil");
        } else {
            throw new GoError("cannot index slice/array with type " + Values.typeName(index));
        }
        if (x < 0 || x > cap) {
            throw new GoError("index out of range: " + (k.isUnsignedInteger() ? Long.toUnsignedString(x) : x));
        }
        return (int) x;
    }

    /**
     * Go's {@code prepareArg}: checks that a value can be passed as {@code argType} (nil becomes the zero value
     * of nillable types; integers convert between integer types).
     *
     * @param asMapKey return a map key's Java string rather than the typed value
     */
    static Object prepareArg(Object value, GoType argType, boolean asMapKey) {
        if (value == null) {
            if (!argType.kind().isNillable()) {
                throw new GoError("value is nil; should be of type " + argType);
            }
            return Values.zero(argType);
        }
        GoType vt = Values.typeOf(value);
        if (vt.assignableTo(argType)) {
            return asMapKey ? Values.stringOf(value) : value;
        }
        if (vt.kind().isInteger() && argType.kind().isInteger()) {
            return GoInt.of(argType, ((Number) value).longValue());
        }
        throw new GoError("value has type " + vt + "; should be " + argType);
    }

    /** {@code slice item i j k}: {@code item[i:j:k]} of a string, slice or array. */
    public static Object slice(Object item, Object... indexes) {
        if (item == null) {
            throw new GoError("slice of untyped nil");
        }
        if (indexes.length > 3) {
            throw new GoError("too many slice indexes: " + indexes.length);
        }
        GoType type = Values.typeOf(item);
        int cap;
        switch (type.kind()) {
            case STRING:
                if (indexes.length == 3) {
                    throw new GoError("cannot 3-index slice a string");
                }
                cap = Values.len(item);
                break;
            case ARRAY:
            case SLICE:
                cap = Values.cap(item);
                break;
            default:
                throw new GoError("can't slice item of type " + type);
        }
        int[] idx = {0, Values.len(item), 0};
        for (int i = 0; i < indexes.length; i++) {
            idx[i] = indexArg(indexes[i], cap);
        }
        if (idx[0] > idx[1]) {
            throw new GoError("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (indexes.length == 3 && idx[1] > idx[2]) {
            throw new GoError("invalid slice index: " + idx[1] + " > " + idx[2]);
        }
        return sliceOf(item, type, idx[0], idx[1]);
    }

    private static Object sliceOf(Object item, GoType type, int from, int to) {
        String s = Values.stringOf(item);
        if (s != null) {
            byte[] b = GoStrings.utf8(s);
            String sub = GoStrings.fromUtf8(Arrays.copyOfRange(b, from, to));
            return item instanceof GoNamed ? GoNamed.of(type, sub) : sub;
        }
        if (item instanceof byte[]) {
            return Arrays.copyOfRange((byte[]) item, from, to);
        }
        List<Object> elements = Values.elements(item);
        List<Object> out = new ArrayList<>(to - from);
        Object zero = Values.zero(type.elem());
        for (int i = from; i < to; i++) {
            out.add(i < elements.size() ? elements.get(i) : zero);
        }
        GoType resultType = type.kind() == GoKind.ARRAY ? GoType.sliceOf(type.elem()) : type;
        return resultType == GoType.SLICE_OF_INTERFACE ? out : GoSlice.of(resultType, out);
    }

    /** {@code len item} for strings (bytes), slices, arrays and maps. */
    public static Object len(Object item) {
        while (item instanceof GoPointer) {
            if (((GoPointer) item).isNil()) {
                throw new GoError("len of nil pointer");
            }
            item = ((GoPointer) item).target();
        }
        if (item == null) {
            throw new GoError("reflect: call of reflect.Value.Type on zero Value");
        }
        int n = Values.len(item);
        if (n < 0) {
            throw new GoError("len of type " + Values.typeName(item));
        }
        return GoInt.ofInt(n);
    }
}
