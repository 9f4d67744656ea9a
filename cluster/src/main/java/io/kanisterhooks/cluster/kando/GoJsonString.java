package io.kanisterhooks.cluster.kando;

/**
 * Quotes a string the way Go's {@code encoding/json} marshals a {@code string} with HTML escaping on (its default), so
 * that phase-output lines printed by the stand-in are byte-for-byte what the real {@code kando} prints.
 */
public final class GoJsonString {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJsonString() {}

    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // Go >= 1.22 writes these two as short escapes; older Go wrote \u0008 and \u000c (both decode the same)
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(out, c);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(out, c);
                    } else if (Character.isSurrogate(c) && !isPairAt(s, i)) {
                        // Go replaces invalid UTF-8 (a lone surrogate has no UTF-8 form) with U+FFFD, written as
                        // an escape
                        out.append("\\ufffd");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean isPairAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
    }
}
