package io.kanisterhooks.golang.strings;

import io.kanisterhooks.golang.errors.GoPanic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Go string semantics on Java strings, and Go's {@code strings} functions that differ from their Java namesakes. A Go
 * string is a sequence of bytes (UTF-8 here); Java strings hold UTF-16, so lengths and ordering have to be computed as
 * Go would see the UTF-8 bytes, and white space, case mapping and case folding follow Go's {@code unicode} package
 * ({@link GoUnicode}), not java.lang.Character.
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

    /** {@code strings.EqualFold}: equal under Unicode simple case folding (k, K and the Kelvin sign are equal). */
    public static boolean equalFold(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb && CaseOrbits.foldKey(ca) != CaseOrbits.foldKey(cb)) {
                return false;
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return i == a.length() && j == b.length();
    }

    /** {@code strings.TrimSpace}. */
    public static String trimSpace(CharSequence s) {
        int start = 0;
        int end = s.length();
        while (start < end && GoUnicode.isSpace(Character.codePointAt(s, start))) {
            start += Character.charCount(Character.codePointAt(s, start));
        }
        while (end > start && GoUnicode.isSpace(Character.codePointBefore(s, end))) {
            end -= Character.charCount(Character.codePointBefore(s, end));
        }
        return s.subSequence(start, end).toString();
    }

    /** {@code strings.Trim(s, cutset)}: strips leading and trailing runes that occur in cutset. */
    public static String trim(String s, String cutset) {
        if (s.isEmpty() || cutset.isEmpty()) {
            return s;
        }
        int start = 0;
        int end = s.length();
        while (start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** {@code strings.Fields}: the runs of non-space characters. */
    public static List<String> fields(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (GoUnicode.isSpace(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            while (i < s.length() && !GoUnicode.isSpace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            out.add(s.substring(start, i));
        }
        return out;
    }

    /** {@code strings.SplitN}: n &lt; 0 all, n == 0 nil (null), an empty sep splits into runes. */
    public static List<String> splitN(String s, String sep, int n) {
        if (n == 0) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (sep.isEmpty()) {
            int[] cps = s.codePoints().toArray();
            int limit = n < 0 || n > cps.length ? cps.length : n;
            int offset = 0;
            for (int i = 0; i < limit; i++) {
                if (i == limit - 1 && limit < cps.length) {
                    out.add(s.substring(offset));
                    return out;
                }
                int len = Character.charCount(cps[i]);
                out.add(s.substring(offset, offset + len));
                offset += len;
            }
            return out;
        }
        int start = 0;
        while (n < 0 || out.size() < n - 1) {
            int i = s.indexOf(sep, start);
            if (i < 0) {
                break;
            }
            out.add(s.substring(start, i));
            start = i + sep.length();
        }
        out.add(s.substring(start));
        return out;
    }

    /** {@code strings.Repeat}, which panics on a negative count. */
    public static String repeat(String s, int count) {
        if (count < 0) {
            throw new GoPanic("strings: negative Repeat count");
        }
        if (count > 0 && (long) s.length() * count > Integer.MAX_VALUE / 2) {
            // Go would overflow only far later, or run out of memory; refuse with its overflow panic instead.
            throw new GoPanic("strings: Repeat count causes overflow");
        }
        return s.repeat(count);
    }

    /** {@code strings.Map} with a rune mapping (the mapping never drops runes here). */
    public static String map(String s, IntUnaryOperator mapping) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(mapping.applyAsInt(c)));
        return b.toString();
    }

    /** {@code strings.ToUpper}. */
    public static String toUpper(String s) {
        return map(s, GoUnicode::toUpper);
    }

    /** {@code strings.ToLower}. */
    public static String toLower(String s) {
        return map(s, GoUnicode::toLower);
    }

    /** {@code strings.Title}: title-cases the first letter after each separator. */
    public static String title(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int prev = ' ';
        for (int c : s.codePoints().toArray()) {
            b.appendCodePoint(isSeparator(prev) ? GoUnicode.toTitle(c) : c);
            prev = c;
        }
        return b.toString();
    }

    private static boolean isSeparator(int c) {
        if (c <= 0x7f) {
            return !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_');
        }
        if (GoUnicode.isLetter(c) || GoUnicode.isDigit(c)) {
            return false;
        }
        return GoUnicode.isSpace(c);
    }
}
