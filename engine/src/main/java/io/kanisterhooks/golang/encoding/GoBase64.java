package io.kanisterhooks.golang.encoding;

import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.golang.errors.GoException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Go's {@code encoding/base64} standard encoding, including which inputs its decoder rejects and the byte offset its
 * {@code CorruptInputError} names ({@code illegal base64 data at input byte N}): newlines are skipped, padding is
 * required. Templates reach it through {@code b64dec} and JSON {@code []byte} fields.
 */
public final class GoBase64 {

    private static final byte[] DECODE = decodeMap("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

    private GoBase64() {
    }

    /** The decoding table of an alphabet: the value of each byte, 0xff for bytes outside it. */
    static byte[] decodeMap(String alphabet) {
        byte[] map = new byte[256];
        Arrays.fill(map, (byte) 0xff);
        for (int i = 0; i < alphabet.length(); i++) {
            map[alphabet.charAt(i)] = (byte) i;
        }
        return map;
    }

    /** {@code base64.StdEncoding.EncodeToString}. */
    public static String encodeToString(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    /** {@code base64.StdEncoding.DecodeString}. */
    public static byte[] decodeString(byte[] src) throws GoException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int si = 0;
        while (si < src.length) {
            si = decodeQuantum(src, si, out);
        }
        return out.toByteArray();
    }

    private static int decodeQuantum(byte[] src, int si, ByteArrayOutputStream out) throws GoException {
        int[] dbuf = new int[4];
        int dlen = 4;
        GoException trailing = null;
        for (int j = 0; j < 4; j++) {
            if (src.length == si) {
                if (j == 0) {
                    return si;
                }
                throw corrupt(si - j);
            }
            int in = src[si] & 0xff;
            si++;
            int v = DECODE[in] & 0xff;
            if (v != 0xff) {
                dbuf[j] = v;
                continue;
            }
            if (in == '\n' || in == '\r') {
                j--;
                continue;
            }
            if (in != '=') {
                throw corrupt(si - 1);
            }
            if (j == 0 || j == 1) {
                throw corrupt(si - 1);
            }
            if (j == 2) {
                // "==" is expected; the first '=' is consumed.
                si = skipNewlines(src, si);
                if (si == src.length) {
                    throw corrupt(src.length);
                }
                if (src[si] != '=') {
                    throw corrupt(si - 1);
                }
                si++;
            }
            si = skipNewlines(src, si);
            if (si < src.length) {
                trailing = corrupt(si);
            }
            dlen = j;
            break;
        }
        int val = dbuf[0] << 18 | dbuf[1] << 12 | dbuf[2] << 6 | dbuf[3];
        byte[] decoded = {(byte) (val >> 16), (byte) (val >> 8), (byte) val};
        out.write(decoded, 0, dlen - 1);
        if (trailing != null) {
            throw trailing;
        }
        return si;
    }

    private static int skipNewlines(byte[] src, int si) {
        while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
            si++;
        }
        return si;
    }

    /**
     * {@code base64.StdEncoding.DecodeString(s)} where the error becomes a template's error.
     *
     * @throws GoError {@code illegal base64 data at input byte N}
     */
    public static byte[] decodeStd(String s) {
        try {
            return decodeString(s.getBytes(StandardCharsets.UTF_8));
        } catch (GoException e) {
            throw new GoError(e.getMessage());
        }
    }

    private static GoException corrupt(long offset) {
        return new GoException("illegal base64 data at input byte " + offset);
    }
}
