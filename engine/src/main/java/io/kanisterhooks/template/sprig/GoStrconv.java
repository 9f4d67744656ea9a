package io.kanisterhooks.template.sprig;

/** The parts of Go's strconv sprig needs directly: Go-syntax quoting of strings. */
final class GoStrconv {

    private GoStrconv() {
    }

    /** Go's {@code strconv.Quote}: a double-quoted Go string literal, non-printable runes escaped. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(c -> appendQuotedRune(b, c));
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
                    } else if (Character.isSurrogate((char) c) && c <= 0xffff) {
                        b.append("\\ufffd");
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

    /** How regexp error messages quote an expression: backquoted when possible, else strconv.Quote. */
    static String quoteForRegexp(String s) {
        boolean canBackquote = s.codePoints().noneMatch(c -> c == 0xfeff || c == '`' || c == 0x7f
                || c < ' ' && c != '\t');
        return canBackquote ? "`" + s + "`" : quote(s);
    }
}
