package io.kanisterhooks.functions.args;

/** The parts of Go's {@code strconv} that mapstructure's weak decoding relies on, with Go's error texts. */
final class GoStrconv {

    private GoStrconv() {
    }

    /** A failed conversion, as Go's {@code *strconv.NumError}. */
    static final class NumError extends Exception {
        private final String function;
        private final String input;
        private final String reason;

        NumError(String function, String input, String reason) {
            super("strconv." + function + ": parsing " + quote(input) + ": " + reason);
            this.function = function;
            this.input = input;
            this.reason = reason;
        }

        /** Go's text with the input replaced by {@code shownInput} (already quoted or a placeholder). */
        String describe(String shownInput) {
            return "strconv." + function + ": parsing " + shownInput + ": " + reason;
        }

        String input() {
            return input;
        }
    }

    /** {@code strconv.ParseInt(s, 0, bits)}: sign, then 0x/0o/0b/leading-0 octal or decimal, underscores between digits. */
    static long parseInt(String s, int bits) throws NumError {
        if (s.isEmpty()) {
            throw new NumError("ParseInt", s, "invalid syntax");
        }
        boolean negative = s.charAt(0) == '-';
        String unsigned = s.charAt(0) == '+' || negative ? s.substring(1) : s;
        long magnitude = parseUnsigned(unsigned, bits, s);
        long cutoff = 1L << (bits - 1);
        // Compare as unsigned: the magnitude may use the full 64 bits.
        if (!negative && Long.compareUnsigned(magnitude, cutoff) >= 0
                || negative && Long.compareUnsigned(magnitude, cutoff) > 0) {
            throw new NumError("ParseInt", s, "value out of range");
        }
        return negative ? -magnitude : magnitude;
    }

    private static long parseUnsigned(String s, int bits, String original) throws NumError {
        if (s.isEmpty()) {
            throw new NumError("ParseInt", original, "invalid syntax");
        }
        int base = 10;
        String digits = s;
        if (s.charAt(0) == '0') {
            char p = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
            if (p == 'b' || p == 'o' || p == 'x') {
                base = p == 'b' ? 2 : p == 'o' ? 8 : 16;
                digits = s.substring(2);
            } else {
                base = 8;
                digits = s.substring(1);
            }
        }
        long maxValue = bits == 64 ? -1L : (1L << bits) - 1;
        long value = 0;
        boolean underscores = false;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c == '_') {
                underscores = true;
                continue;
            }
            int d = digitValue(c);
            if (d < 0 || d >= base) {
                throw new NumError("ParseInt", original, "invalid syntax");
            }
            long next = value * base + d;
            boolean overflow = Long.compareUnsigned(value, Long.divideUnsigned(-1L, base)) > 0
                    || Long.compareUnsigned(next, value * base) < 0
                    || Long.compareUnsigned(next, maxValue) > 0;
            if (overflow) {
                throw new NumError("ParseInt", original, "value out of range");
            }
            value = next;
        }
        if (underscores && !underscoresWellPlaced(s)) {
            throw new NumError("ParseInt", original, "invalid syntax");
        }
        return value;
    }

    private static int digitValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = Character.toLowerCase(c);
        return lower >= 'a' && lower <= 'z' ? lower - 'a' + 10 : -1;
    }

    /** Go's underscoreOK: underscores only between digits, or right after a base prefix. */
    private static boolean underscoresWellPlaced(String s) {
        char saw = '^';
        int i = 0;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char p = Character.toLowerCase(s.charAt(1));
            if (p == 'b' || p == 'o' || p == 'x') {
                i = 2;
                saw = '0';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (digitValue(c) >= 0) {
                saw = '0';
                continue;
            }
            if (c != '_' || saw != '0') {
                return false;
            }
            saw = '_';
        }
        return saw != '_';
    }

    /** {@code strconv.ParseBool}. */
    static boolean parseBool(String s) throws NumError {
        switch (s) {
            case "1", "t", "T", "TRUE", "true", "True":
                return true;
            case "0", "f", "F", "FALSE", "false", "False":
                return false;
            default:
                throw new NumError("ParseBool", s, "invalid syntax");
        }
    }

    /** {@code strconv.Quote}: double quotes, Go escapes for quotes, backslashes and unprintable characters. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case 0x07 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 0x0B -> sb.append("\\v");
                default -> {
                    if (isPrint(c)) {
                        sb.appendCodePoint(c);
                    } else if (c < 0x80) {
                        sb.append(String.format("\\x%02x", c));
                    } else if (c < 0x10000) {
                        sb.append(String.format("\\u%04x", c));
                    } else {
                        sb.append(String.format("\\U%08x", c));
                    }
                }
            }
        });
        return sb.append('"').toString();
    }

    // Close to Go's unicode.IsPrint: graphic characters and the ASCII space.
    private static boolean isPrint(int c) {
        if (c < 0x80) {
            return c >= 0x20 && c < 0x7F;
        }
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.SURROGATE && type != Character.PRIVATE_USE
                && type != Character.SPACE_SEPARATOR && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }
}
