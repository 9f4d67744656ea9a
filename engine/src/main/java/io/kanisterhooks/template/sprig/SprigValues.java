package io.kanisterhooks.template.sprig;

import io.kanisterhooks.golang.errors.GoPanic;
import io.kanisterhooks.golang.fmt.GoFmt;
import io.kanisterhooks.golang.strconv.GoStrconv;
import io.kanisterhooks.golang.strings.GoStrings;
import io.kanisterhooks.golang.value.GoComplex;
import io.kanisterhooks.golang.value.GoInt;
import io.kanisterhooks.golang.value.GoKind;
import io.kanisterhooks.golang.value.GoMap;
import io.kanisterhooks.golang.value.GoNamed;
import io.kanisterhooks.golang.value.GoPointer;
import io.kanisterhooks.golang.value.GoSlice;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * sprig v2.22's reflection helpers over the template value model: {@code strval}, {@code strslice},
 * {@code toInt64}, {@code toFloat64}, {@code empty}, and the kind checks of its list functions.
 */
final class SprigValues {

    private SprigValues() {
    }

    /** sprig's {@code strval}: strings as is, {@code []byte} as text, everything else as {@code %v}. */
    static String strval(Object v) {
        if (v instanceof byte[] b) {
            return GoStrings.fromUtf8(b);
        }
        return GoFmt.toString(v);
    }

    /** A {@code []string} value. */
    static GoSlice stringSlice(List<String> strings) {
        return strings == null ? GoSlice.nil(GoType.SLICE_OF_STRING) : GoSlice.of(GoType.SLICE_OF_STRING, strings);
    }

    /** sprig's {@code strslice}: a {@code []string} as is, other slices element-wise without nils. */
    static GoSlice strslice(Object v) {
        if (v instanceof GoSlice s && s.goType() == GoType.SLICE_OF_STRING) {
            return s;
        }
        List<Object> elements = Values.elements(v);
        if (elements != null) {
            List<String> out = new ArrayList<>(elements.size());
            for (Object e : elements) {
                if (e != null) {
                    out.add(strval(e));
                }
            }
            return stringSlice(out);
        }
        return stringSlice(v == null ? new ArrayList<>() : new ArrayList<>(List.of(strval(v))));
    }

    /** reflect.Indirect: a non-nil pointer's target; a nil pointer gives nothing (Go's invalid Value). */
    private static Object indirect(Object v) {
        if (v instanceof GoPointer p) {
            return p.isNil() ? null : p.target();
        }
        return v;
    }

    /** sprig's {@code toInt64}: strings parse base 10, floats truncate, bools are 0/1, anything else 0. */
    static long toInt64(Object v) {
        if (v instanceof String s) {
            try {
                return GoStrconv.parseInt(s, 10, 64);
            } catch (GoStrconv.NumError e) {
                return 0;
            }
        }
        Object val = indirect(v);
        GoKind kind = Values.kindOf(val);
        if (kind.isSignedInteger()) {
            return ((Number) val).longValue();
        }
        if (kind.isUnsignedInteger()) {
            long bits = ((GoInt) val).longValue();
            return bits < 0 ? Long.MAX_VALUE : bits;
        }
        if (kind.isFloat()) {
            return floatToInt64(floatValue(val));
        }
        if (kind == GoKind.BOOL) {
            return boolValue(val) ? 1 : 0;
        }
        return 0;
    }

    /** Go's int64(f) on amd64: out-of-range values and NaN become the minimum int64. */
    static long floatToInt64(double f) {
        if (Double.isNaN(f) || f >= 0x1p63 || f < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) f;
    }

    /** sprig's {@code toFloat64}. */
    static double toFloat64(Object v) {
        if (v instanceof String s) {
            try {
                return GoStrconv.parseFloat(s);
            } catch (GoStrconv.NumError e) {
                return 0;
            }
        }
        Object val = indirect(v);
        GoKind kind = Values.kindOf(val);
        if (kind.isInteger()) {
            return ((Number) val).doubleValue();
        }
        if (kind.isFloat()) {
            return floatValue(val);
        }
        if (kind == GoKind.BOOL) {
            return boolValue(val) ? 1 : 0;
        }
        return 0;
    }

    private static double floatValue(Object v) {
        return v instanceof Double d ? d : (Double) ((GoNamed) v).value();
    }

    private static boolean boolValue(Object v) {
        return v instanceof Boolean b ? b : (Boolean) ((GoNamed) v).value();
    }

    /** sprig's {@code empty}: zero numbers, false, empty strings/collections and nil are empty; structs never. */
    static boolean empty(Object v) {
        if (v == null) {
            return true;
        }
        GoKind kind = Values.kindOf(v);
        switch (kind) {
            case ARRAY:
            case SLICE:
            case MAP:
            case STRING:
                return Values.len(v) == 0;
            case BOOL:
                return !boolValue(v);
            case COMPLEX64:
            case COMPLEX128:
                return ((GoComplex) v).real() == 0 && ((GoComplex) v).imag() == 0;
            case FLOAT32:
            case FLOAT64:
                return floatValue(v) == 0;
            case STRUCT:
                return false;
            default:
                if (kind.isInteger()) {
                    return ((Number) v).longValue() == 0;
                }
                return Values.isNil(v);
        }
    }

    /**
     * {@code reflect.TypeOf(v).Kind()} as sprig's list functions use it: panics on nil like Go's nil Type.
     */
    static GoKind kindOrPanic(Object v) {
        if (v == null) {
            throw GoPanic.nilDereference();
        }
        return Values.kindOf(v);
    }

    /** The elements of a slice or array, or a panic "Cannot &lt;what&gt; on type &lt;kind&gt;". */
    static List<Object> listOrPanic(Object v, String message) {
        GoKind kind = kindOrPanic(v);
        if (kind != GoKind.SLICE && kind != GoKind.ARRAY) {
            throw new GoPanic(String.format(message, kind.goName()));
        }
        return Values.elements(v);
    }

    /** The entries of a {@code map[string]interface {}} argument, or null for a nil map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> dict(Object v) {
        if (v instanceof GoMap m) {
            return m.isNil() ? null : m.entries();
        }
        return (Map<String, Object>) v;
    }

    /** A Go {@code int} result. */
    static GoInt goInt(long v) {
        return GoInt.ofInt(v);
    }

    /** An {@code int} argument. */
    static int intArg(Object v) {
        long l = ((Number) v).longValue();
        return l > Integer.MAX_VALUE ? Integer.MAX_VALUE : l < Integer.MIN_VALUE ? Integer.MIN_VALUE : (int) l;
    }

    /** An {@code int} argument as Go's 64-bit int. */
    static long longArg(Object v) {
        return ((Number) v).longValue();
    }
}
