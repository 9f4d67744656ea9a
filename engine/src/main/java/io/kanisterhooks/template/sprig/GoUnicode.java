package io.kanisterhooks.template.sprig;

import io.kanisterhooks.template.gostrings.GoStrings;
/**
 * Go's {@code unicode} predicates. They test general categories only, unlike java.lang.Character (which adds
 * Other_Uppercase, counts U+001C..U+001F as whitespace, and so on).
 */
final class GoUnicode {

    private GoUnicode() {
    }

    /** {@code unicode.IsSpace}: the White_Space property. */
    static boolean isSpace(int c) {
        return GoStrings.isSpace(c);
    }

    static boolean isUpper(int c) {
        return Character.getType(c) == Character.UPPERCASE_LETTER;
    }

    static boolean isLower(int c) {
        return Character.getType(c) == Character.LOWERCASE_LETTER;
    }

    static boolean isTitle(int c) {
        return Character.getType(c) == Character.TITLECASE_LETTER;
    }

    static boolean isLetter(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER -> true;
            default -> false;
        };
    }

    static boolean isDigit(int c) {
        return Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER;
    }

    static boolean isNumber(int c) {
        return switch (Character.getType(c)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** Simple (one-to-one) case mappings, as {@code unicode.ToUpper} etc.; never the "SS" of full mappings. */
    static int toUpper(int c) {
        return Character.toUpperCase(c);
    }

    static int toLower(int c) {
        return Character.toLowerCase(c);
    }

    static int toTitle(int c) {
        return Character.toTitleCase(c);
    }
}
