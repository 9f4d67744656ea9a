package io.kanisterhooks.golang.strconv;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Go's {@code strconv} number and boolean parsing ({@code ParseInt}, {@code ParseUint}, {@code ParseFloat},
 * {@code ParseBool}) with Go's {@code *strconv.NumError} texts: base 0 reads the {@code 0x}, {@code 0o}, {@code 0b} and
 * leading-{@code 0} prefixes and underscores between digits; any other base reads plain ASCII digits. Quoting is in
 * {@link GoQuote}, float formatting in {@link FloatFormat}.
 */
public final class GoStrconv {

    private static final String SYNTAX = "invalid syntax";
    private static final String RANGE = "value out of range";
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern HEX_FLOAT = Pattern
            .compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?[0-9]+");

    private GoStrconv() {
    }

    /** A failed conversion: Go's {@code *strconv.NumError}, {@code strconv.ParseInt: parsing "x": invalid syntax}. */
    public static final class NumError extends Exception {
        private final String function;
        private final String input;
        private final String reason;

        NumError(String function, String input, String reason) {
            super("strconv." + function + ": parsing " + GoQuote.quote(input) + ": " + reason);
            this.function = function;
            this.input = input;
            this.reason = reason;
        }

        /** Go's text with the input replaced by {@code shownInput} (already quoted or a placeholder). */
        public String describe(String shownInput) {
            return "strconv." + function + ": parsing " + shownInput + ": " + reason;
        }

        public String input() {
            return input;
        }

        /** Whether Go's error is {@code strconv.ErrRange} (the input is a number, but too large for the type). */
        public boolean isRangeError() {
            return reason.equals(RANGE);
        }
    }

    /** {@code strconv.ParseInt(s, base, bitSize)}. */
    public static long parseInt(String s, int base, int bitSize) throws NumError {
        if (s.isEmpty()) {
            throw new NumError("ParseInt", s, SYNTAX);
        }
        boolean negative = s.charAt(0) == '-';
        String unsigned = s.charAt(0) == '+' || negative ? s.substring(1) : s;
        long magnitude;
        try {
            magnitude = parseUint(unsigned, base, bitSize);
        } catch (NumError e) {
            if (!e.isRangeError()) {
                throw new NumError("ParseInt", s, e.reason);
            }
            throw new NumError("ParseInt", s, RANGE);
        }
        long cutoff = 1L << (bitSize - 1);
        // Compare as unsigned: the magnitude may use the full 64 bits.
        if (!negative && Long.compareUnsigned(magnitude, cutoff) >= 0
                || negative && Long.compareUnsigned(magnitude, cutoff) > 0) {
            throw new NumError("ParseInt", s, RANGE);
        }
        return negative ? -magnitude : magnitude;
    }

    /** {@code strconv.ParseUint(s, base, bitSize)}: the value's bits (a uint64 above 2^63 is a negative long). */
    public static long parseUint(String s, int base, int bitSize) throws NumError {
        if (s.isEmpty()) {
            throw new NumError("ParseUint", s, SYNTAX);
        }
        boolean base0 = base == 0;
        String digits = s;
        if (base0) {
            base = 10;
            if (s.charAt(0) == '0') {
                char p = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
                base = p == 'b' ? 2 : p == 'o' ? 8 : p == 'x' ? 16 : 8;
                digits = p == 'b' || p == 'o' || p == 'x' ? s.substring(2) : s.substring(1);
            }
        } else if (base < 2 || base > 36) {
            throw new NumError("ParseUint", s, "invalid base " + base);
        }
        long maxValue = bitSize == 64 ? -1L : (1L << bitSize) - 1;
        long value = 0;
        boolean underscores = false;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c == '_' && base0) {
                underscores = true;
                continue;
            }
            int d = digitValue(c);
            if (d < 0 || d >= base) {
                throw new NumError("ParseUint", s, SYNTAX);
            }
            long next = value * base + d;
            boolean overflow = Long.compareUnsigned(value, Long.divideUnsigned(-1L, base)) > 0
                    || Long.compareUnsigned(next, value * base) < 0
                    || Long.compareUnsigned(next, maxValue) > 0;
            if (overflow) {
                throw new NumError("ParseUint", s, RANGE);
            }
            value = next;
        }
        if (underscores && !underscoreOk(s)) {
            throw new NumError("ParseUint", s, SYNTAX);
        }
        return value;
    }

    private static int digitValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'z' ? lower - 'a' + 10 : -1;
    }

    /** Go's underscoreOK: underscores only between digits (a base prefix counts as a digit), never last. */
    private static boolean underscoreOk(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && "bBoOxX".indexOf(s.charAt(1)) >= 0) {
            i = 2;
            saw = '0';
            hex = s.charAt(1) == 'x' || s.charAt(1) == 'X';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char lower = (char) (c | 0x20);
            if (c >= '0' && c <= '9' || hex && lower >= 'a' && lower <= 'f') {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else {
                if (saw == '_') {
                    return false;
                }
                saw = '!';
            }
        }
        return saw != '_';
    }

    /**
     * {@code strconv.ParseFloat(s, 64)}: decimal and hexadecimal (with a {@code p} exponent) forms, underscores
     * between digits, {@code inf}, {@code infinity} and {@code nan} in any case.
     *
     * @throws NumError {@code invalid syntax}, or {@code value out of range} where Go returns ±Inf with ErrRange
     */
    public static double parseFloat(String s) throws NumError {
        if (s.indexOf('_') >= 0) {
            if (!underscoreOk(s)) {
                throw new NumError("ParseFloat", s, SYNTAX);
            }
            return parseFloatWithoutUnderscores(s.replace("_", ""), s);
        }
        return parseFloatWithoutUnderscores(s, s);
    }

    private static double parseFloatWithoutUnderscores(String s, String original) throws NumError {
        String lower = s.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        if (!DECIMAL_FLOAT.matcher(s).matches() && !HEX_FLOAT.matcher(s).matches()) {
            throw new NumError("ParseFloat", original, SYNTAX);
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            throw new NumError("ParseFloat", original, RANGE);
        }
        return d;
    }

    /** {@code strconv.ParseBool}. */
    public static boolean parseBool(String s) throws NumError {
        switch (s) {
            case "1", "t", "T", "TRUE", "true", "True":
                return true;
            case "0", "f", "F", "FALSE", "false", "False":
                return false;
            default:
                throw new NumError("ParseBool", s, SYNTAX);
        }
    }

    /**
     * The value {@code strconv.Atoi} returns along with any error: 0 for a syntax error, the clamped int64 for an
     * out-of-range number.
     */
    public static long atoiIgnoringErrors(String s) {
        try {
            return parseInt(s, 10, 64);
        } catch (NumError e) {
            if (!e.isRangeError()) {
                return 0;
            }
            return s.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
