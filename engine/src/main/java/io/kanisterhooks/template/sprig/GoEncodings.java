package io.kanisterhooks.template.sprig;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * Go's {@code encoding/base64} and {@code encoding/base32} standard encodings, including which inputs their decoders
 * reject and the byte offset their {@code CorruptInputError} names (newlines are skipped, padding is required).
 */
final class GoEncodings {

    private static final String BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String BASE64_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final byte[] BASE64_DECODE = decodeMap(BASE64_ALPHABET);
    private static final byte[] BASE32_DECODE = decodeMap(BASE32_ALPHABET);

    private GoEncodings() {
    }

    private static byte[] decodeMap(String alphabet) {
        byte[] map = new byte[256];
        Arrays.fill(map, (byte) 0xff);
        for (int i = 0; i < alphabet.length(); i++) {
            map[alphabet.charAt(i)] = (byte) i;
        }
        return map;
    }

    /** A CorruptInputError's text. */
    static SprigException corrupt(String encoding, long offset) {
        return new SprigException("illegal " + encoding + " data at input byte " + offset);
    }

    static String base64Encode(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    /** {@code base64.StdEncoding.DecodeString}. */
    static byte[] base64Decode(byte[] src) throws SprigException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int si = 0;
        while (si < src.length) {
            si = decodeQuantum(src, si, out);
        }
        return out.toByteArray();
    }

    private static int decodeQuantum(byte[] src, int si, ByteArrayOutputStream out) throws SprigException {
        int[] dbuf = new int[4];
        int dlen = 4;
        SprigException trailing = null;
        for (int j = 0; j < 4; j++) {
            if (src.length == si) {
                if (j == 0) {
                    return si;
                }
                throw corrupt("base64", si - j);
            }
            int in = src[si] & 0xff;
            si++;
            int v = BASE64_DECODE[in] & 0xff;
            if (v != 0xff) {
                dbuf[j] = v;
                continue;
            }
            if (in == '\n' || in == '\r') {
                j--;
                continue;
            }
            if (in != '=') {
                throw corrupt("base64", si - 1);
            }
            if (j == 0 || j == 1) {
                throw corrupt("base64", si - 1);
            }
            if (j == 2) {
                // "==" is expected; the first '=' is consumed.
                si = skipNewlines(src, si);
                if (si == src.length) {
                    throw corrupt("base64", src.length);
                }
                if (src[si] != '=') {
                    throw corrupt("base64", si - 1);
                }
                si++;
            }
            si = skipNewlines(src, si);
            if (si < src.length) {
                trailing = corrupt("base64", si);
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

    /** {@code base32.StdEncoding.EncodeToString}. */
    static String base32Encode(byte[] data) {
        StringBuilder b = new StringBuilder((data.length + 4) / 5 * 8);
        for (int i = 0; i < data.length; i += 5) {
            int n = Math.min(5, data.length - i);
            long block = 0;
            for (int k = 0; k < 5; k++) {
                block = block << 8 | (k < n ? data[i + k] & 0xff : 0);
            }
            int chars = (n * 8 + 4) / 5;
            for (int k = 0; k < 8; k++) {
                b.append(k < chars ? BASE32_ALPHABET.charAt((int) (block >> (35 - 5 * k)) & 31) : '=');
            }
        }
        return b.toString();
    }

    /** {@code base32.StdEncoding.DecodeString}: newlines are removed first, offsets count the rest. */
    static byte[] base32Decode(byte[] input) throws SprigException {
        ByteArrayOutputStream stripped = new ByteArrayOutputStream();
        for (byte c : input) {
            if (c != '\r' && c != '\n') {
                stripped.write(c);
            }
        }
        byte[] src = stripped.toByteArray();
        int olen = src.length;
        int pos = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean end = false;
        while (pos < olen && !end) {
            int[] dbuf = new int[8];
            int dlen = 8;
            int j = 0;
            while (j < 8) {
                if (pos == olen) {
                    throw corrupt("base32", olen - (olen - pos) - j);
                }
                int in = src[pos++] & 0xff;
                int remaining = olen - pos;
                if (in == '=' && j >= 2 && remaining < 8) {
                    if (remaining + j < 8 - 1) {
                        throw corrupt("base32", olen);
                    }
                    for (int k = 0; k < 8 - 1 - j; k++) {
                        if (remaining > k && src[pos + k] != '=') {
                            throw corrupt("base32", olen - remaining + k - 1);
                        }
                    }
                    dlen = j;
                    end = true;
                    if (dlen == 1 || dlen == 3 || dlen == 6) {
                        throw corrupt("base32", olen - remaining - 1);
                    }
                    break;
                }
                dbuf[j] = BASE32_DECODE[in] & 0xff;
                if (dbuf[j] == 0xff) {
                    throw corrupt("base32", olen - remaining - 1);
                }
                j++;
            }
            long block = 0;
            for (int k = 0; k < 8; k++) {
                block = block << 5 | dbuf[k];
            }
            int bytes = switch (dlen) {
                case 8 -> 5;
                case 7 -> 4;
                case 5 -> 3;
                case 4 -> 2;
                case 2 -> 1;
                default -> 0;
            };
            for (int k = 0; k < bytes; k++) {
                out.write((int) (block >> (32 - 8 * k)) & 0xff);
            }
        }
        return out.toByteArray();
    }
}
