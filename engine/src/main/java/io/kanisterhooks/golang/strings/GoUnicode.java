package io.kanisterhooks.golang.strings;

/**
 * Go's {@code unicode} predicates and simple case mappings. The predicates test general categories only, unlike
 * java.lang.Character (which adds Other_Uppercase, counts U+001C..U+001F as whitespace, and so on).
 */
public final class GoUnicode {

    private GoUnicode() {
    }

    /** {@code unicode.IsSpace}: ASCII blanks plus U+0085, U+00A0 and the Unicode White_Space characters. */
    public static boolean isSpace(int c) {
        switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                return true;
            default:
                return c >= 0x2000 && c <= 0x200A;
        }
    }

    public static boolean isUpper(int c) {
        return Character.getType(c) == Character.UPPERCASE_LETTER;
    }

    public static boolean isLower(int c) {
        return Character.getType(c) == Character.LOWERCASE_LETTER;
    }

    public static boolean isTitle(int c) {
        return Character.getType(c) == Character.TITLECASE_LETTER;
    }

    public static boolean isLetter(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER -> true;
            default -> false;
        };
    }

    public static boolean isDigit(int c) {
        return Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER;
    }

    public static boolean isNumber(int c) {
        return switch (Character.getType(c)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** Simple (one-to-one) case mappings, as {@code unicode.ToUpper} etc.; never the "SS" of full mappings. */
    public static int toUpper(int c) {
        return Character.toUpperCase(c);
    }

    public static int toLower(int c) {
        return Character.toLowerCase(c);
    }

    public static int toTitle(int c) {
        return Character.toTitleCase(c);
    }
}
