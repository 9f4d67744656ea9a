package io.kanisterhooks.output;

import java.util.Arrays;

/**
 * Streaming UTF-8 decoding with Go's error handling: every byte that does not start a complete, valid sequence becomes
 * one U+FFFD (so {@code E2 82 41} gives two replacement characters and an {@code A}). A sequence split across chunks
 * is completed by the next chunk.
 */
final class GoUtf8Decoder {

    private byte[] pending = new byte[0];

    /** Decodes {@code len} bytes, appending characters to {@code out}. */
    void decode(byte[] bytes, int off, int len, StringBuilder out) {
        if (pending.length == 0) {
            decodeComplete(bytes, off, off + len, out);
            return;
        }
        byte[] joined = new byte[pending.length + len];
        System.arraycopy(pending, 0, joined, 0, pending.length);
        System.arraycopy(bytes, off, joined, pending.length, len);
        pending = new byte[0];
        decodeComplete(joined, 0, joined.length, out);
    }

    /** Ends the stream: each byte of an unfinished sequence becomes a replacement character. */
    void finish(StringBuilder out) {
        for (int i = 0; i < pending.length; i++) {
            out.append('\uFFFD');
        }
        pending = new byte[0];
    }

    private void decodeComplete(byte[] bytes, int from, int end, StringBuilder out) {
        int i = from;
        while (i < end) {
            int b0 = bytes[i] & 0xFF;
            if (b0 < 0x80) {
                out.append((char) b0);
                i++;
                continue;
            }
            int need = sequenceLength(b0);
            int available = Math.min(need, end - i);
            if (need > 0 && validPrefix(bytes, i, available)) {
                if (available < need) {
                    pending = Arrays.copyOfRange(bytes, i, end);
                    return;
                }
                out.appendCodePoint(codePoint(bytes, i, need));
                i += need;
            } else {
                out.append('\uFFFD');
                i++;
            }
        }
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

    private static int codePoint(byte[] b, int at, int n) {
        int b0 = b[at] & 0xFF;
        int cp = n == 2 ? b0 & 0x1F : n == 3 ? b0 & 0x0F : b0 & 0x07;
        for (int k = 1; k < n; k++) {
            cp = (cp << 6) | (b[at + k] & 0x3F);
        }
        return cp;
    }
}
