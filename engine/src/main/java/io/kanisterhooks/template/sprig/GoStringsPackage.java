package io.kanisterhooks.template.sprig;

import io.kanisterhooks.template.gostrings.GoStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/** Go's {@code strings} functions that differ from their Java namesakes. */
final class GoStringsPackage {

    private GoStringsPackage() {
    }

    /** {@code strings.Map} with a rune mapping (the mapping never drops runes here). */
    static String map(String s, IntUnaryOperator mapping) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(mapping.applyAsInt(c)));
        return b.toString();
    }

    static String toUpper(String s) {
        return map(s, GoUnicode::toUpper);
    }

    static String toLower(String s) {
        return map(s, GoUnicode::toLower);
    }

    /** {@code strings.Title}: title-cases the first letter after each separator. */
    static String title(String s) {
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

    /** {@code strings.TrimSpace}. */
    static String trimSpace(String s) {
        return GoStrings.trimSpace(s);
    }

    /** {@code strings.Trim(s, cutset)}: strips leading and trailing runes that occur in cutset. */
    static String trim(String s, String cutset) {
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

    /** {@code strings.SplitN}: n &lt; 0 all, n == 0 nil (null), an empty sep splits into runes. */
    static List<String> splitN(String s, String sep, int n) {
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
    static String repeat(String s, int count) {
        if (count < 0) {
            throw new GoPanic("strings: negative Repeat count");
        }
        if (count > 0 && (long) s.length() * count > Integer.MAX_VALUE / 2) {
            // Go would overflow only far later, or run out of memory; refuse with its overflow panic instead.
            throw new GoPanic("strings: Repeat count causes overflow");
        }
        return s.repeat(count);
    }
}
