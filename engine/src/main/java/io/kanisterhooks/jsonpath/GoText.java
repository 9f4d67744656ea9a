package io.kanisterhooks.jsonpath;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The Go string helpers the JSONPath parser needs: {@code strings.Trim(s, " ")} and quote removal. */
final class GoText {

    private GoText() {
    }

    /** {@code strings.Trim(s, " ")}: only the space character, not other white space. */
    static String trimSpaces(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        return s.substring(from, to);
    }

    /**
     * client-go's {@code UnquoteExtend}: Go's {@code strconv.Unquote} rules for a string in double or single quotes
     * (single-quoted strings may hold any number of characters). Returns null where Go reports "invalid syntax".
     * {@code \x} and octal escapes yield raw bytes as in Go; a byte sequence that is not UTF-8 decodes to U+FFFD.
     */
    static String unquoteExtended(String quoted) {
        int n = quoted.length();
        if (n < 2) {
            return null;
        }
        char quote = quoted.charAt(0);
        if (quote != quoted.charAt(n - 1) || (quote != '"' && quote != '\'')) {
            return null;
        }
        String body = quoted.substring(1, n - 1);
        if (body.indexOf('\\') < 0 && body.indexOf(quote) < 0) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == quote) {
                return null;
            }
            if (c != '\\') {
                int cp = body.codePointAt(i);
                i += Character.charCount(cp);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            i = unescape(body, i + 1, quote, out);
            if (i < 0) {
                return null;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Decodes the escape whose letter is at {@code i}; returns the index after it, or -1 for invalid syntax. */
    private static int unescape(String s, int i, char quote, ByteArrayOutputStream out) {
        if (i >= s.length()) {
            return -1;
        }
        char c = s.charAt(i++);
        switch (c) {
            case 'a' -> out.write(7);
            case 'b' -> out.write('\b');
            case 'f' -> out.write('\f');
            case 'n' -> out.write('\n');
            case 'r' -> out.write('\r');
            case 't' -> out.write('\t');
            case 'v' -> out.write(11);
            case '\\' -> out.write('\\');
            case '\'', '"' -> {
                if (c != quote) {
                    return -1;
                }
                out.write(c);
            }
            case 'x', 'u', 'U' -> {
                int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                if (i + digits > s.length()) {
                    return -1;
                }
                long v = 0;
                for (int j = 0; j < digits; j++) {
                    int d = Character.digit(s.charAt(i + j), 16);
                    if (d < 0 || s.charAt(i + j) > 'f') {
                        return -1;
                    }
                    v = v << 4 | d;
                }
                i += digits;
                if (c == 'x') {
                    out.write((int) v);
                } else {
                    if (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
                        return -1;
                    }
                    out.writeBytes(new String(Character.toChars((int) v)).getBytes(StandardCharsets.UTF_8));
                }
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                if (i + 2 > s.length()) {
                    return -1;
                }
                int v = c - '0';
                for (int j = 0; j < 2; j++) {
                    int d = s.charAt(i + j) - '0';
                    if (d < 0 || d > 7) {
                        return -1;
                    }
                    v = v << 3 | d;
                }
                i += 2;
                if (v > 255) {
                    return -1;
                }
                out.write(v);
            }
            default -> {
                return -1;
            }
        }
        return i;
    }
}
