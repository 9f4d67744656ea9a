package io.kanisterhooks.template.json;

import io.kanisterhooks.template.value.GoError;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Go's {@code base64.StdEncoding.DecodeString}, with its error text {@code illegal base64 data at input byte N}
 * (the offset Go reports), which templates expose through {@code b64dec} and JSON {@code []byte} fields.
 * Newlines are ignored as in Go.
 */
public final class GoBase64 {
    private static final int[] DECODE = new int[128];

    static {
        Arrays.fill(DECODE, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            DECODE[alphabet.charAt(i)] = i;
        }
    }

    private GoBase64() {
    }

    /**
     * @throws GoError {@code illegal base64 data at input byte N}
     */
    public static byte[] decodeStd(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() * 3 / 4);
        int si = 0;
        int n = s.length();
        int[] quantum = new int[4];
        while (si < n) {
            int dlen = 4;
            for (int j = 0; j < 4; j++) {
                if (si == n) {
                    if (j == 0) {
                        return out.toByteArray();
                    }
                    throw corrupt(si - j);
                }
                char c = s.charAt(si++);
                if (c < 128 && DECODE[c] >= 0) {
                    quantum[j] = DECODE[c];
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    j--;
                    continue;
                }
                if (c != '=') {
                    throw corrupt(si - 1);
                }
                // padding: "=" after two or three characters, "==" only after two
                if (j == 0 || j == 1) {
                    throw corrupt(si - 1);
                }
                if (j == 2) {
                    si = skipNewlines(s, si);
                    if (si == n) {
                        throw corrupt(n);
                    }
                    if (s.charAt(si) != '=') {
                        throw corrupt(si - 1);
                    }
                    si++;
                }
                si = skipNewlines(s, si);
                if (si < n) {
                    throw corrupt(si);
                }
                dlen = j;
                break;
            }
            int val = quantum[0] << 18 | quantum[1] << 12 | (dlen > 2 ? quantum[2] << 6 : 0) | (dlen > 3 ? quantum[3] : 0);
            out.write(val >> 16);
            if (dlen > 2) {
                out.write(val >> 8 & 0xFF);
            }
            if (dlen > 3) {
                out.write(val & 0xFF);
            }
        }
        return out.toByteArray();
    }

    private static int skipNewlines(String s, int si) {
        while (si < s.length() && (s.charAt(si) == '\n' || s.charAt(si) == '\r')) {
            si++;
        }
        return si;
    }

    private static GoError corrupt(int offset) {
        return new GoError("illegal base64 data at input byte " + offset);
    }
}
