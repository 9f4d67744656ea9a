package io.kanisterhooks.template.sprig;

import java.nio.charset.StandardCharsets;

/** The parts of Go's strconv sprig needs directly: Go-syntax quoting of strings. */
final class GoStrconv {

    private GoStrconv() {
    }

    /** Go's {@code strconv.Quote}: a double-quoted Go string literal, non-printable runes escaped. */
    static String quote(String s) {
        return quote(s.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #quote} of a byte string held one char per byte. */
    static String quoteLatin1(String bytes) {
        return quote(bytes.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** strconv.Quote of raw bytes: invalid UTF-8 bytes become \xNN. */
    static String quote(byte[] s) {
        StringBuilder b = new StringBuilder("\"");
        int i = 0;
        while (i < s.length) {
            int[] r = GoUtf8.decode(s, i);
            if (r[0] == GoUtf8.RUNE_ERROR && r[1] == 1) {
                b.append(String.format("\\x%02x", s[i] & 0xff));
            } else {
                appendQuotedRune(b, r[0]);
            }
            i += r[1];
        }
        return b.append('"').toString();
    }

    private static void appendQuotedRune(StringBuilder b, int c) {
        if (c == '"' || c == '\\') {
            b.append('\\').appendCodePoint(c);
        } else if (isPrint(c)) {
            b.appendCodePoint(c);
        } else {
            switch (c) {
                case 7 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 0x0b -> b.append("\\v");
                default -> {
                    if (c < ' ' || c == 0x7f) {
                        b.append(String.format("\\x%02x", c));
                    } else if (c < 0x10000) {
                        b.append(String.format("\\u%04x", c));
                    } else {
                        b.append(String.format("\\U%08x", c));
                    }
                }
            }
        }
    }

    /** Go's {@code unicode.IsPrint}: categories L, M, N, P, S and the ASCII space. */
    static boolean isPrint(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    private static final java.util.regex.Pattern DECIMAL_FLOAT =
            java.util.regex.Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final java.util.regex.Pattern HEX_FLOAT = java.util.regex.Pattern
            .compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?[0-9]+");

    /** {@code strconv.ParseInt(s, base, 64)}; null on any error (syntax or range). Bases 8 and 10 only. */
    static Long parseInt(String s, int base) {
        if (s.isEmpty()) {
            return null;
        }
        int start = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
        if (start == s.length()) {
            return null;
        }
        for (int i = start; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), base) < 0 || s.charAt(i) > 0x7f) {
                return null;
            }
        }
        try {
            return Long.parseLong(s, base);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code strconv.ParseFloat(s, 64)}; null on a syntax error or when the value overflows to infinity. */
    static Double parseFloat(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        if (!DECIMAL_FLOAT.matcher(s).matches() && !HEX_FLOAT.matcher(s).matches()) {
            return null;
        }
        double d = Double.parseDouble(s);
        return Double.isInfinite(d) ? null : d;
    }

    /** How regexp error messages quote an expression: backquoted when possible, else strconv.Quote. */
    static String quoteForRegexp(String s) {
        boolean canBackquote = s.codePoints().noneMatch(c -> c == 0xfeff || c == '`' || c == 0x7f
                || c < ' ' && c != '\t');
        return canBackquote ? "`" + s + "`" : quote(s);
    }
}
