package io.kanisterhooks.template.parse;

import java.math.BigInteger;

/**
 * Go's {@code strconv.ParseInt}/{@code ParseUint} with base 0 and {@code ParseFloat}, as template number
 * literals use them: base prefixes {@code 0x 0o 0b} and a leading {@code 0} for octal, {@code _} digit
 * separators where Go allows them, hex floats. Each returns {@code null} where Go returns an error.
 */
final class NumberSyntax {
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private NumberSyntax() {
    }

    /** {@code ParseInt(s, 0, 64)}. */
    static Long parseInt(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean neg = false;
        String body = s;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            neg = s.charAt(0) == '-';
            body = s.substring(1);
        }
        BigInteger magnitude = parseUnsigned(body);
        if (magnitude == null) {
            return null;
        }
        BigInteger v = neg ? magnitude.negate() : magnitude;
        if (v.bitLength() > 63) {
            return null;
        }
        return v.longValue();
    }

    /** {@code ParseUint(s, 0, 64)}: the value's 64 bits. */
    static Long parseUint(String s) {
        BigInteger v = parseUnsigned(s);
        if (v == null || v.compareTo(MAX_UINT64) > 0) {
            return null;
        }
        return v.longValue();
    }

    private static BigInteger parseUnsigned(String s) {
        if (s.isEmpty() || !underscoreOk(s)) {
            return null;
        }
        int base = 10;
        String digits = s;
        if (s.charAt(0) == '0' && s.length() > 1) {
            char p = Character.toLowerCase(s.charAt(1));
            if (s.length() >= 3 && p == 'x') {
                base = 16;
                digits = s.substring(2);
            } else if (s.length() >= 3 && p == 'o') {
                base = 8;
                digits = s.substring(2);
            } else if (s.length() >= 3 && p == 'b') {
                base = 2;
                digits = s.substring(2);
            } else {
                base = 8;
                digits = s.substring(1);
            }
        }
        digits = digits.replace("_", "");
        if (digits.isEmpty()) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), base) < 0 || digits.charAt(i) >= 0x80) {
                return null;
            }
        }
        return new BigInteger(digits, base);
    }

    /** Go's rule: underscores must separate digits (a base prefix counts as a digit). */
    private static boolean underscoreOk(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char p = Character.toLowerCase(s.charAt(1));
            if (p == 'b' || p == 'o' || p == 'x') {
                i = 2;
                saw = '0';
                hex = p == 'x';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || hex && Character.toLowerCase(c) >= 'a' && Character.toLowerCase(c) <= 'f') {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    /** {@code ParseFloat(s, 64)}; {@code null} on syntax error or overflow. */
    static Double parseFloat(String s) {
        if (s.isEmpty()) {
            return null;
        }
        if (s.indexOf('_') >= 0) {
            if (!underscoreOk(s)) {
                return null;
            }
            s = s.replace("_", "");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean allowed = c >= '0' && c <= '9' || c == '.' || c == '+' || c == '-' || c == 'x' || c == 'X'
                    || c == 'p' || c == 'P' || c == 'e' || c == 'E' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!allowed) {
                return null;
            }
        }
        boolean hex = s.matches("[+-]?0[xX].*");
        if (!hex && (s.indexOf('p') >= 0 || s.indexOf('P') >= 0 || s.matches(".*[a-dA-Df].*"))) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isInfinite(d) ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether {@code f} converts exactly to an int64 ({@code float64(int64(f)) == f} on amd64). */
    static boolean isInt64(double f) {
        return f >= -0x1p63 && f < 0x1p63 && f == Math.rint(f);
    }

    /** Whether {@code f} converts exactly to a uint64. */
    static boolean isUint64(double f) {
        return f >= 0 && f < 0x1p64 && f == Math.rint(f);
    }

    /** The uint64 bits of an integral {@code f} in [0, 2^64). */
    static long toUint64Bits(double f) {
        if (f < 0x1p63) {
            return (long) f;
        }
        return (long) (f - 0x1p63) ^ Long.MIN_VALUE;
    }
}
