package io.kanisterhooks.golang.strings;

/**
 * Go's {@code unicode/utf8} decoding: every byte that does not start a complete, valid sequence (Go's accept ranges:
 * no overlong forms, no surrogates, nothing above U+10FFFF) decodes as U+FFFD of width 1, so {@code E2 82 41} gives
 * two replacement characters and an {@code A}.
 */
public final class GoUtf8 {

    /** {@code utf8.RuneError}. */
    public static final int RUNE_ERROR = 0xFFFD;
    /** {@code utf8.MaxRune}. */
    public static final int MAX_RUNE = 0x10FFFF;

    private GoUtf8() {
    }

    /** {@code utf8.DecodeRune(b[i:])}: returns {rune, width} (i &lt; b.length). */
    public static int[] decode(byte[] b, int i) {
        return decode(b, i, b.length);
    }

    /** {@code utf8.DecodeRune(b[i:end])}: returns {rune, width} (i &lt; end). */
    public static int[] decode(byte[] b, int i, int end) {
        int b0 = b[i] & 0xFF;
        if (b0 < 0x80) {
            return new int[] {b0, 1};
        }
        int need = sequenceLength(b0);
        if (need == 0 || end - i < need || !validPrefix(b, i, need)) {
            return new int[] {RUNE_ERROR, 1};
        }
        int cp = need == 2 ? b0 & 0x1F : need == 3 ? b0 & 0x0F : b0 & 0x07;
        for (int k = 1; k < need; k++) {
            cp = (cp << 6) | (b[i + k] & 0x3F);
        }
        return new int[] {cp, need};
    }

    /**
     * {@code utf8.FullRune(b[i:end])}: whether the bytes begin with a full sequence; an invalid one counts as full,
     * since it decodes as an error of width 1. False means more bytes may complete the sequence.
     */
    public static boolean fullRune(byte[] b, int i, int end) {
        if (i >= end) {
            return false;
        }
        int need = sequenceLength(b[i] & 0xFF);
        int available = Math.min(need, end - i);
        return need <= 1 || available == need || !validPrefix(b, i, available);
    }

    /** True when every byte sequence is valid UTF-8. */
    public static boolean valid(byte[] b) {
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

    /** Length of the sequence a lead byte starts, or 0 when it cannot start one. */
    private static int sequenceLength(int b0) {
        if (b0 < 0x80) {
            return 1;
        }
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            return 2;
        }
        if (b0 >= 0xE0 && b0 <= 0xEF) {
            return 3;
        }
        if (b0 >= 0xF0 && b0 <= 0xF4) {
            return 4;
        }
        return 0;
    }

    /** Whether the first {@code n} bytes at {@code at} are a valid beginning of a sequence (Go's accept ranges). */
    private static boolean validPrefix(byte[] b, int at, int n) {
        int b0 = b[at] & 0xFF;
        for (int k = 1; k < n; k++) {
            int c = b[at + k] & 0xFF;
            int lo = 0x80;
            int hi = 0xBF;
            if (k == 1) {
                if (b0 == 0xE0) {
                    lo = 0xA0;
                } else if (b0 == 0xED) {
                    hi = 0x9F;
                } else if (b0 == 0xF0) {
                    lo = 0x90;
                } else if (b0 == 0xF4) {
                    hi = 0x8F;
                }
            }
            if (c < lo || c > hi) {
                return false;
            }
        }
        return true;
    }
}
