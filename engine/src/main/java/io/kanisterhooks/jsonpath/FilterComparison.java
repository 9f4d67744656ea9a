package io.kanisterhooks.jsonpath;

/**
 * Comparisons inside {@code [?(…)]} filters. client-go uses its fork of Go 1.x text/template's {@code eq}/{@code lt}:
 * only basic kinds compare (bool, integers, floats, strings; a JSON null or a map is "invalid type for comparison"),
 * signed and unsigned integers mix, but an integer never compares with a float ("incompatible types for comparison").
 */
final class FilterComparison {

    private FilterComparison() {
    }

    static final class ComparisonException extends Exception {
        ComparisonException(String message) {
            super(message, null, false, false);
        }
    }

    private enum Kind { BOOL, INT, UINT, FLOAT, STRING }

    private static final String BAD_TYPE = "invalid type for comparison";
    private static final String INCOMPATIBLE = "incompatible types for comparison";

    private static Kind kind(Object v) throws ComparisonException {
        if (v instanceof Boolean) {
            return Kind.BOOL;
        }
        if (v instanceof Long) {
            return Kind.INT;
        }
        if (v instanceof JsonPathValues.Uint8) {
            return Kind.UINT;
        }
        if (v instanceof Double) {
            return Kind.FLOAT;
        }
        if (v instanceof String) {
            return Kind.STRING;
        }
        throw new ComparisonException(BAD_TYPE);
    }

    private static long integer(Object v) {
        return v instanceof JsonPathValues.Uint8 b ? b.value() : (Long) v;
    }

    static boolean equal(Object a, Object b) throws ComparisonException {
        Kind ka = kind(a);
        Kind kb = kind(b);
        if (ka != kb) {
            if (isInteger(ka) && isInteger(kb)) {
                return integer(a) == integer(b); // a uint8 is never negative, so signed comparison is exact
            }
            throw new ComparisonException(INCOMPATIBLE);
        }
        return switch (ka) {
            case BOOL, STRING -> a.equals(b);
            case INT, UINT -> integer(a) == integer(b);
            case FLOAT -> (Double) a == (double) (Double) b;
        };
    }

    static boolean less(Object a, Object b) throws ComparisonException {
        Kind ka = kind(a);
        Kind kb = kind(b);
        if (ka != kb) {
            if (isInteger(ka) && isInteger(kb)) {
                return integer(a) < integer(b);
            }
            throw new ComparisonException(INCOMPATIBLE);
        }
        return switch (ka) {
            case BOOL -> throw new ComparisonException(BAD_TYPE);
            case STRING -> compareAsUtf8((String) a, (String) b) < 0;
            case INT, UINT -> integer(a) < integer(b);
            case FLOAT -> (Double) a < (Double) b;
        };
    }

    static boolean lessOrEqual(Object a, Object b) throws ComparisonException {
        return less(a, b) || equal(a, b);
    }

    static boolean greater(Object a, Object b) throws ComparisonException {
        return !lessOrEqual(a, b);
    }

    /** Go compares strings byte by byte in UTF-8, which is code point order (not Java's UTF-16 unit order). */
    private static int compareAsUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static boolean isInteger(Kind k) {
        return k == Kind.INT || k == Kind.UINT;
    }
}
