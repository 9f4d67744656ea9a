package io.kanisterhooks.render;

/** Go's {@code strings.TrimSpace}, whose idea of white space (Unicode's) differs from Java's {@code strip()}. */
final class GoStrings {

    private GoStrings() {
    }

    static String trimSpace(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /** Go's {@code unicode.IsSpace}; every such rune is in the BMP. */
    static boolean isSpace(char c) {
        switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                return true;
            default:
                return c >= 0x2000 && c <= 0x200A;
        }
    }
}
