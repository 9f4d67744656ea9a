package io.kanisterhooks.template.sprig;

import io.kanisterhooks.golang.strings.GoUnicode;
import java.security.SecureRandom;

/**
 * huandu/xstrings v1.2.0 case conversions as sprig v2.22 exposes them. Their corner cases are kept on purpose:
 * "userID2FA" becomes "user_id_2fa", and an upper-case run directly followed by the end of a word repeats that
 * word's last rune ("ABc" becomes "a_bcc"), exactly as v1.2.0 does.
 */
final class Xstrings {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RUNE_ERROR = 0xFFFD;

    private Xstrings() {
    }

    static String toSnakeCase(String s) {
        return camelCaseToLowerCase(s, '_');
    }

    static String toKebabCase(String s) {
        return camelCaseToLowerCase(s, '-');
    }

    private static boolean isConnectorLike(int r) {
        return r == '_' || r == ' ' || r == '-';
    }

    private static String camelCaseToLowerCase(String str, int connector) {
        int[] runes = str.codePoints().toArray();
        StringBuilder b = new StringBuilder(str.length() + 4);
        int i = 0;
        int r0 = connector;
        while (i < runes.length) {
            int prev = r0;
            r0 = runes[i++];
            if (r0 == RUNE_ERROR) {
                b.appendCodePoint(r0);
            } else if (GoUnicode.isUpper(r0)) {
                if (prev != connector && !GoUnicode.isNumber(prev)) {
                    b.appendCodePoint(connector);
                }
                b.appendCodePoint(GoUnicode.toLower(r0));
                if (i == runes.length) {
                    continue;
                }
                r0 = runes[i++];
                if (!GoUnicode.isUpper(r0)) {
                    b.appendCodePoint(r0);
                    continue;
                }
                // An upper-case run: the last upper-case rune before a lower-case one starts a new word
                // ("HTTPServer" is "http_server").
                while (i < runes.length) {
                    int r1 = r0;
                    r0 = runes[i++];
                    if (r0 == RUNE_ERROR) {
                        b.appendCodePoint(GoUnicode.toLower(r1));
                        b.appendCodePoint(r0);
                        break;
                    }
                    if (!GoUnicode.isUpper(r0)) {
                        if (isConnectorLike(r0)) {
                            r0 = connector;
                            b.appendCodePoint(GoUnicode.toLower(r1));
                        } else if (GoUnicode.isNumber(r0)) {
                            b.appendCodePoint(GoUnicode.toLower(r1));
                            b.appendCodePoint(connector);
                            b.appendCodePoint(r0);
                        } else {
                            b.appendCodePoint(connector);
                            b.appendCodePoint(GoUnicode.toLower(r1));
                            b.appendCodePoint(r0);
                        }
                        break;
                    }
                    b.appendCodePoint(GoUnicode.toLower(r1));
                }
                if (i == runes.length || r0 == connector) {
                    b.appendCodePoint(GoUnicode.toLower(r0));
                }
            } else if (GoUnicode.isNumber(r0)) {
                if (prev != connector && !GoUnicode.isNumber(prev)) {
                    b.appendCodePoint(connector);
                }
                b.appendCodePoint(r0);
            } else {
                if (isConnectorLike(r0)) {
                    r0 = connector;
                }
                b.appendCodePoint(r0);
            }
        }
        return b.toString();
    }

    /**
     * {@code ToCamelCase}: drops single underscores and upper-cases the rune after them; leading underscores and
     * runs of underscores are kept; the first rune is upper-cased, everything else lower-cased.
     */
    static String toCamelCase(String str) {
        int[] runes = str.codePoints().toArray();
        if (runes.length == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder(str.length());
        int i = 0;
        int r0 = 0;
        while (i < runes.length) {
            r0 = runes[i++];
            if (r0 != '_') {
                break;
            }
            b.appendCodePoint(r0);
        }
        if (i == runes.length) {
            // v1.2.0 drops a lone last rune here: "a" gives "", "_a" gives "_".
            return b.toString();
        }
        r0 = GoUnicode.toUpper(r0);
        while (i < runes.length) {
            int r1 = r0;
            r0 = runes[i++];
            if (r1 == '_' && r0 == '_') {
                b.appendCodePoint(r1);
                continue;
            }
            r0 = r1 == '_' ? GoUnicode.toUpper(r0) : GoUnicode.toLower(r0);
            if (r1 != '_') {
                b.appendCodePoint(r1);
            }
        }
        b.appendCodePoint(r0);
        return b.toString();
    }

    /** {@code Shuffle}: the runes in random order. */
    static String shuffle(String str) {
        int[] runes = str.codePoints().toArray();
        for (int i = runes.length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            int t = runes[i];
            runes[i] = runes[j];
            runes[j] = t;
        }
        return new String(runes, 0, runes.length);
    }
}
