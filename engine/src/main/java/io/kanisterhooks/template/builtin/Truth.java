package io.kanisterhooks.template.builtin;

import io.kanisterhooks.golang.value.GoComplex;
import io.kanisterhooks.golang.value.GoInt;
import io.kanisterhooks.golang.value.GoNamed;
import io.kanisterhooks.golang.value.GoPointer;
import io.kanisterhooks.golang.value.Values;

/**
 * text/template's truth: what {@code if}, {@code with}, {@code and}, {@code or} and {@code not} consider true.
 * False are {@code false}, zero numbers, empty strings, slices and maps, and nil; structs are always true.
 */
public final class Truth {
    private Truth() {
    }

    /** Go's {@code template.IsTrue(v)}: the truth of the value ({@code null} is false). */
    public static boolean isTrue(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof String) {
            return !((String) v).isEmpty();
        }
        if (v instanceof Long) {
            return (Long) v != 0;
        }
        if (v instanceof Double) {
            return (Double) v != 0;
        }
        if (v instanceof GoInt) {
            return ((GoInt) v).longValue() != 0;
        }
        if (v instanceof GoNamed) {
            return isTrue(((GoNamed) v).value());
        }
        if (v instanceof GoComplex) {
            return ((GoComplex) v).real() != 0 || ((GoComplex) v).imag() != 0;
        }
        if (v instanceof GoPointer) {
            return !((GoPointer) v).isNil();
        }
        int len = Values.len(v);
        if (len >= 0) {
            return len > 0;
        }
        return true;
    }
}
