package io.kanisterhooks.template.gostrings;

import java.util.ArrayList;
import java.util.List;

/** Go's whitespace rules, shared by every layer that must split or trim text as Go does ({@code unicode.IsSpace}, {@code strings.TrimSpace}, {@code strings.Fields}). */
public final class GoStrings {

    private GoStrings() {
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

    /** {@code strings.TrimSpace}. */
    public static String trimSpace(CharSequence s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(Character.codePointAt(s, start))) {
            start += Character.charCount(Character.codePointAt(s, start));
        }
        while (end > start && isSpace(Character.codePointBefore(s, end))) {
            end -= Character.charCount(Character.codePointBefore(s, end));
        }
        return s.subSequence(start, end).toString();
    }

    /** {@code strings.Fields}: the runs of non-space characters. */
    public static List<String> fields(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            if (isSpace(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            while (i < s.length() && !isSpace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            out.add(s.substring(start, i));
        }
        return out;
    }
}
