package io.kanisterhooks.golang.value;

import io.kanisterhooks.golang.strings.GoStrings;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that knows how Java objects map to Go values: the Go type of any value ({@link #typeOf}),
 * zero values, lengths, generic views of slices and maps, and {@code reflect.DeepEqual}.
 */
public final class Values {
    private Values() {
    }

    /**
     * The dynamic Go type of a value in the value model; {@code null} for {@code null} (untyped nil, which Go's
     * {@code %T} prints as {@code <nil>}).
     *
     * @throws IllegalArgumentException for Java objects that are not part of the value model
     */
    public static GoType typeOf(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String) {
            return GoType.STRING;
        }
        if (v instanceof GoValue) {
            return ((GoValue) v).goType();
        }
        if (v instanceof Long) {
            return GoType.INT64;
        }
        if (v instanceof Boolean) {
            return GoType.BOOL;
        }
        if (v instanceof Double) {
            return GoType.FLOAT64;
        }
        if (v instanceof Map) {
            return GoType.MAP_OF_INTERFACE;
        }
        if (v instanceof List) {
            return GoType.SLICE_OF_INTERFACE;
        }
        if (v instanceof byte[]) {
            return GoType.BYTES;
        }
        throw new IllegalArgumentException("not a Go template value: " + v.getClass().getName());
    }

    /** The kind of a value's type; {@link GoKind#INVALID} for {@code null}. */
    public static GoKind kindOf(Object v) {
        GoType t = typeOf(v);
        return t == null ? GoKind.INVALID : t.kind();
    }

    /** Go's {@code %T} text for a value: the type name, or {@code <nil>}. */
    public static String typeName(Object v) {
        GoType t = typeOf(v);
        return t == null ? "<nil>" : t.name();
    }

    /** The zero value of a type ({@code reflect.Zero}); {@code null} for interface and func types. */
    public static Object zero(GoType type) {
        switch (type.kind()) {
            case BOOL:
                return type == GoType.BOOL ? Boolean.FALSE : GoNamed.of(type, false);
            case STRING:
                return type == GoType.STRING ? "" : GoNamed.of(type, "");
            case FLOAT64:
            case FLOAT32:
                return type == GoType.FLOAT64 ? (Object) 0.0 : GoNamed.of(type, 0.0);
            case COMPLEX64:
            case COMPLEX128:
                return new GoComplex(type, 0, 0);
            case SLICE:
                return GoSlice.nil(type);
            case ARRAY:
                return GoSlice.of(type, new ArrayList<>(Collections.nCopies(type.length(), zero(type.elem()))));
            case MAP:
                return GoMap.nil(type);
            case POINTER:
                return GoPointer.nil(type);
            case STRUCT:
                return GoStruct.zero(type);
            case INTERFACE:
            case FUNC:
            case CHAN:
            case UNSAFE_POINTER:
            case INVALID:
                return null;
            default:
                return GoInt.of(type, 0);
        }
    }

    /** Whether the value is nil: untyped nil, or a nil slice, map or pointer. */
    public static boolean isNil(Object v) {
        if (v == null) {
            return true;
        }
        if (v instanceof GoSlice) {
            return ((GoSlice) v).isNil();
        }
        if (v instanceof GoMap) {
            return ((GoMap) v).isNil();
        }
        if (v instanceof GoPointer) {
            return ((GoPointer) v).isNil();
        }
        return false;
    }

    /**
     * The elements of any slice or array value as a read-only list view ({@code byte[]} elements become
     * {@code uint8} {@link GoInt}s); {@code null} if the value is not a slice or array.
     */
    @SuppressWarnings("unchecked")
    public static List<Object> elements(Object v) {
        if (v instanceof List) {
            return Collections.unmodifiableList((List<Object>) v);
        }
        if (v instanceof GoSlice) {
            return Collections.unmodifiableList(((GoSlice) v).elements());
        }
        if (v instanceof byte[]) {
            byte[] b = (byte[]) v;
            return new AbstractList<>() {
                @Override
                public Object get(int index) {
                    return GoInt.ofUint8(b[index]);
                }

                @Override
                public int size() {
                    return b.length;
                }
            };
        }
        return null;
    }

    /** The entries of any map value (string keys); {@code null} if the value is not a map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> entries(Object v) {
        if (v instanceof Map) {
            return (Map<String, Object>) v;
        }
        if (v instanceof GoMap) {
            return ((GoMap) v).entries();
        }
        return null;
    }

    /**
     * Go's {@code len} for strings (UTF-8 bytes), slices, arrays and maps; -1 for other values.
     */
    public static int len(Object v) {
        if (v instanceof String) {
            return GoStrings.utf8Length((String) v);
        }
        if (v instanceof List) {
            return ((List<?>) v).size();
        }
        if (v instanceof Map) {
            return ((Map<?, ?>) v).size();
        }
        if (v instanceof byte[]) {
            return ((byte[]) v).length;
        }
        if (v instanceof GoSlice) {
            return ((GoSlice) v).size();
        }
        if (v instanceof GoMap) {
            return ((GoMap) v).entries().size();
        }
        if (v instanceof GoNamed && ((GoNamed) v).value() instanceof String) {
            return GoStrings.utf8Length((String) ((GoNamed) v).value());
        }
        return -1;
    }

    /**
     * Go's {@code cap} for slices: JSON-decoded lists remember the capacity Go's decoder gave them
     * ({@link GoCapacity}); other slices have capacity equal to their length.
     */
    public static int cap(Object v) {
        if (v instanceof GoCapacity) {
            return ((GoCapacity) v).goCapacity();
        }
        return len(v);
    }

    /** The Go string held by a {@code string}-kinded value (plain or named), or {@code null}. */
    public static String stringOf(Object v) {
        if (v instanceof String) {
            return (String) v;
        }
        if (v instanceof GoNamed && ((GoNamed) v).value() instanceof String) {
            return (String) ((GoNamed) v).value();
        }
        return null;
    }

    /**
     * {@code reflect.DeepEqual}: same dynamic types and deeply equal contents; nil and empty slices or maps
     * differ; an {@code int64} 1 is not an {@code int} 1; NaN is unequal to itself.
     */
    public static boolean deepEqual(Object a, Object b) {
        return deepEqual(a, b, new IdentityHashMap<>());
    }

    private static boolean deepEqual(Object a, Object b, Map<Object, Object> visiting) {
        if (a == null || b == null) {
            return a == b;
        }
        GoType ta = typeOf(a);
        if (ta != typeOf(b)) {
            return false;
        }
        if (a == b && !(a instanceof Double)) {
            return true;
        }
        switch (ta.kind()) {
            case SLICE:
            case ARRAY:
                return sequencesEqual(a, b, visiting);
            case MAP:
                return mapsEqual(a, b, visiting);
            case POINTER:
                return pointersEqual((GoPointer) a, (GoPointer) b, visiting);
            case STRUCT:
                return structsEqual(a, b, visiting);
            case FLOAT32:
            case FLOAT64:
                return numeric(a) == numeric(b);
            default:
                return a.equals(b);
        }
    }

    private static double numeric(Object v) {
        return v instanceof Double ? (Double) v : (Double) ((GoNamed) v).value();
    }

    private static boolean sequencesEqual(Object a, Object b, Map<Object, Object> visiting) {
        if (isNil(a) != isNil(b)) {
            return false;
        }
        if (a instanceof byte[]) {
            return Arrays.equals((byte[]) a, (byte[]) b);
        }
        List<Object> la = elements(a);
        List<Object> lb = elements(b);
        if (la.size() != lb.size()) {
            return false;
        }
        if (visiting.put(a, b) == b) {
            return true;
        }
        for (int i = 0; i < la.size(); i++) {
            if (!deepEqual(la.get(i), lb.get(i), visiting)) {
                return false;
            }
        }
        return true;
    }

    private static boolean mapsEqual(Object a, Object b, Map<Object, Object> visiting) {
        if (isNil(a) != isNil(b)) {
            return false;
        }
        Map<String, Object> ma = entries(a);
        Map<String, Object> mb = entries(b);
        if (ma.size() != mb.size()) {
            return false;
        }
        if (visiting.put(a, b) == b) {
            return true;
        }
        for (Map.Entry<String, Object> e : ma.entrySet()) {
            if (!mb.containsKey(e.getKey()) || !deepEqual(e.getValue(), mb.get(e.getKey()), visiting)) {
                return false;
            }
        }
        return true;
    }

    private static boolean pointersEqual(GoPointer a, GoPointer b, Map<Object, Object> visiting) {
        if (a.target() == b.target()) {
            return true;
        }
        if (a.isNil() || b.isNil()) {
            return false;
        }
        return deepEqual(a.target(), b.target(), visiting);
    }

    private static boolean structsEqual(Object a, Object b, Map<Object, Object> visiting) {
        if (!(a instanceof GoStruct) || !(b instanceof GoStruct)) {
            return a.equals(b);
        }
        GoStruct sa = (GoStruct) a;
        GoStruct sb = (GoStruct) b;
        int n = sa.goType().fields().size();
        for (int i = 0; i < n; i++) {
            if (!deepEqual(sa.field(i), sb.field(i), visiting)) {
                return false;
            }
        }
        return true;
    }
}
