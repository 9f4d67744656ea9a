package io.kanisterhooks.template.sprig;

/** Go's {@code utf8.DecodeRune}: invalid or surrogate sequences decode as U+FFFD of width 1. */
final class GoUtf8 {

    static final int RUNE_ERROR = 0xFFFD;

    private GoUtf8() {
    }

    /** Returns {rune, width} for the sequence at b[i] (i &lt; b.length). */
    static int[] decode(byte[] b, int i) {
        int c0 = b[i] & 0xff;
        if (c0 < 0x80) {
            return new int[] {c0, 1};
        }
        int need;
        int min;
        int cp;
        if (c0 >= 0xc2 && c0 <= 0xdf) {
            need = 1;
            min = 0x80;
            cp = c0 & 0x1f;
        } else if (c0 >= 0xe0 && c0 <= 0xef) {
            need = 2;
            min = 0x800;
            cp = c0 & 0x0f;
        } else if (c0 >= 0xf0 && c0 <= 0xf4) {
            need = 3;
            min = 0x10000;
            cp = c0 & 0x07;
        } else {
            return new int[] {RUNE_ERROR, 1};
        }
        if (i + need > b.length - 1) {
            return new int[] {RUNE_ERROR, 1};
        }
        for (int k = 1; k <= need; k++) {
            int c = b[i + k] & 0xff;
            if ((c & 0xc0) != 0x80) {
                return new int[] {RUNE_ERROR, 1};
            }
            cp = cp << 6 | c & 0x3f;
        }
        if (cp < min || cp > 0x10ffff || cp >= 0xd800 && cp <= 0xdfff) {
            return new int[] {RUNE_ERROR, 1};
        }
        return new int[] {cp, need + 1};
    }

    /** True when every byte sequence is valid UTF-8. */
    static boolean valid(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int[] r = decode(b, i);
            if (r[0] == RUNE_ERROR && r[1] == 1) {
                return false;
            }
            i += r[1];
        }
        return true;
    }
}
