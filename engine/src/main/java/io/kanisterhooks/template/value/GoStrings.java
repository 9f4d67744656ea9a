package io.kanisterhooks.template.value;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * Go string semantics on Java strings. A Go string is a sequence of bytes (UTF-8 here); Java strings hold
 * UTF-16, so lengths and ordering have to be computed as Go would see the UTF-8 bytes.
 */
public final class GoStrings {
    /** Go's {@code <} on strings: byte-wise on UTF-8, which equals code point order. */
    public static final Comparator<String> ORDER = GoStrings::compare;

    private GoStrings() {
    }

    /** {@code len(s)}: the number of UTF-8 bytes. */
    public static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2;
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes bytes as Go's {@code string(b)} would be printed: invalid sequences become U+FFFD. */
    public static String fromUtf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Compares like Go's string comparison (UTF-8 byte order, i.e. code point order). */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                boolean sa = Character.isSurrogate(ca);
                boolean sb = Character.isSurrogate(cb);
                if (sa != sb) {
                    // a surrogate stands for a code point above U+FFFF, which sorts after any BMP char
                    return sa ? 1 : -1;
                }
                return ca - cb;
            }
        }
        return a.length() - b.length();
    }

    /** The number of code points ({@code utf8.RuneCountInString}). */
    public static int runeCount(String s) {
        return s.codePointCount(0, s.length());
    }
}
