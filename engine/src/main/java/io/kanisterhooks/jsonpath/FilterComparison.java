package io.kanisterhooks.jsonpath;

import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.golang.value.GoInt;
import io.kanisterhooks.template.builtin.GoCompare;

import java.util.function.BiPredicate;

/**
 * Comparisons inside {@code [?(…)]} filters. client-go uses a fork of text/template's comparison functions that accepts
 * only basic kinds: a JSON null, map or list operand is "invalid type for comparison" (where Go 1.19 templates would
 * compare nil with nil). Between basic kinds the template rules apply: integers mix, an integer never equals a float
 * ("incompatible types for comparison").
 */
final class FilterComparison {

    private FilterComparison() {
    }

    static final class ComparisonException extends Exception {
        ComparisonException(String message) {
            super(message, null, false, false);
        }
    }

    private static final String BAD_TYPE = "invalid type for comparison";

    static boolean equal(Object a, Object b) throws ComparisonException {
        return compare(a, b, GoCompare::eq);
    }

    static boolean less(Object a, Object b) throws ComparisonException {
        return compare(a, b, GoCompare::lt);
    }

    private static boolean compare(Object a, Object b, BiPredicate<Object, Object> goComparison)
            throws ComparisonException {
        if (!isBasic(a) || !isBasic(b)) {
            throw new ComparisonException(BAD_TYPE);
        }
        try {
            return goComparison.test(a, b);
        } catch (GoError e) {
            throw new ComparisonException(e.getMessage());
        }
    }

    static boolean lessOrEqual(Object a, Object b) throws ComparisonException {
        return less(a, b) || equal(a, b);
    }

    static boolean greater(Object a, Object b) throws ComparisonException {
        return !lessOrEqual(a, b);
    }

    private static boolean isBasic(Object v) {
        return v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean
                || v instanceof GoInt;
    }
}
