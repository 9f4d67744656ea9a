package io.kanisterhooks.golang.encoding;

import io.kanisterhooks.golang.errors.GoException;
import java.io.ByteArrayOutputStream;

/**
 * Go's {@code encoding/base32} standard encoding, including which inputs its decoder rejects and the byte offset its
 * {@code CorruptInputError} names (newlines are removed first, padding is required).
 */
public final class GoBase32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final byte[] DECODE = GoBase64.decodeMap(ALPHABET);

    private GoBase32() {
    }

    /** {@code base32.StdEncoding.EncodeToString}. */
    public static String encodeToString(byte[] data) {
        StringBuilder b = new StringBuilder((data.length + 4) / 5 * 8);
        for (int i = 0; i < data.length; i += 5) {
            int n = Math.min(5, data.length - i);
            long block = 0;
            for (int k = 0; k < 5; k++) {
                block = block << 8 | (k < n ? data[i + k] & 0xff : 0);
            }
            int chars = (n * 8 + 4) / 5;
            for (int k = 0; k < 8; k++) {
                b.append(k < chars ? ALPHABET.charAt((int) (block >> (35 - 5 * k)) & 31) : '=');
            }
        }
        return b.toString();
    }

    /** {@code base32.StdEncoding.DecodeString}: newlines are removed first, offsets count the rest. */
    public static byte[] decodeString(byte[] input) throws GoException {
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
                    throw corrupt(olen - (olen - pos) - j);
                }
                int in = src[pos++] & 0xff;
                int remaining = olen - pos;
                if (in == '=' && j >= 2 && remaining < 8) {
                    if (remaining + j < 8 - 1) {
                        throw corrupt(olen);
                    }
                    for (int k = 0; k < 8 - 1 - j; k++) {
                        if (remaining > k && src[pos + k] != '=') {
                            throw corrupt(olen - remaining + k - 1);
                        }
                    }
                    dlen = j;
                    end = true;
                    if (dlen == 1 || dlen == 3 || dlen == 6) {
                        throw corrupt(olen - remaining - 1);
                    }
                    break;
                }
                dbuf[j] = DECODE[in] & 0xff;
                if (dbuf[j] == 0xff) {
                    throw corrupt(olen - remaining - 1);
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

    private static GoException corrupt(long offset) {
        return new GoException("illegal base32 data at input byte " + offset);
    }
}
