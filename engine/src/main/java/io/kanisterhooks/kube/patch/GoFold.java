package io.kanisterhooks.kube.patch;

/** Go's case-insensitive comparison ({@code strings.EqualFold}, Unicode simple folding) as used for JSON field names. */
public final class GoFold {

    private static final int DOTTED_CAPITAL_I = 0x130;
    private static final int DOTLESS_SMALL_I = 0x131;

    private GoFold() {
    }

    public static boolean equalFold(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb && fold(ca) != fold(cb)) {
                return false;
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return i == a.length() && j == b.length();
    }

    // The Turkish dotted/dotless i change case to ASCII letters in Java but have no simple case folding in Unicode,
    // so Go keeps them apart from 'i' and 'I'.
    private static int fold(int c) {
        if (c == DOTTED_CAPITAL_I || c == DOTLESS_SMALL_I) {
            return c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
