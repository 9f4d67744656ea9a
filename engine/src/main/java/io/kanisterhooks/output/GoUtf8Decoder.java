package io.kanisterhooks.output;

import io.kanisterhooks.golang.strings.GoUtf8;
import java.util.Arrays;

/**
 * Streaming UTF-8 decoding with Go's error handling ({@link GoUtf8}): every byte that does not start a complete, valid
 * sequence becomes one U+FFFD. A sequence split across chunks is completed by the next chunk.
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
            if (!GoUtf8.fullRune(bytes, i, end)) {
                pending = Arrays.copyOfRange(bytes, i, end);
                return;
            }
            int[] rune = GoUtf8.decode(bytes, i, end);
            out.appendCodePoint(rune[0]);
            i += rune[1];
        }
    }
}
