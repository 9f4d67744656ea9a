package io.kanisterhooks.template.sprig;

import io.kanisterhooks.golang.encoding.GoBase64;
import io.kanisterhooks.golang.errors.GoException;
import io.kanisterhooks.golang.errors.GoPanic;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * sprig v2.22's {@code encryptAES}/{@code decryptAES}: AES-256-CBC with the password's first 32 bytes as key
 * (zero-padded), a random IV prefixed to the ciphertext, PKCS#7-style padding and standard base64. Decryption does
 * not check the padding and panics where Go's slicing would.
 */
final class AesCbc {

    private static final int BLOCK = 16;

    private AesCbc() {
    }

    static String encrypt(byte[] password, byte[] plaintext) {
        if (plaintext.length == 0) {
            return "";
        }
        int padding = BLOCK - plaintext.length % BLOCK;
        byte[] content = Arrays.copyOf(plaintext, plaintext.length + padding);
        Arrays.fill(content, plaintext.length, content.length, (byte) padding);
        byte[] iv = new byte[BLOCK];
        PrivateKeys.RANDOM.nextBytes(iv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(iv);
        out.writeBytes(cbc(Cipher.ENCRYPT_MODE, password, iv, content));
        return GoBase64.encodeToString(out.toByteArray());
    }

    static byte[] decrypt(byte[] password, byte[] crypt64) throws GoException {
        if (crypt64.length == 0) {
            return new byte[0];
        }
        byte[] crypt = GoBase64.decodeString(crypt64);
        if (crypt.length < BLOCK) {
            // Go slices crypt[:16] within a buffer sized for the base64 text (DecodedLen), then crypt[16:].
            GoPanic.checkSliceBounds(0, BLOCK, crypt64.length / 4 * 3, false);
            GoPanic.checkSliceBounds(BLOCK, crypt.length, crypt64.length / 4 * 3, false);
        }
        byte[] iv = Arrays.copyOf(crypt, BLOCK);
        byte[] body = Arrays.copyOfRange(crypt, BLOCK, crypt.length);
        if (body.length % BLOCK != 0) {
            throw new GoPanic("crypto/cipher: input not full blocks");
        }
        byte[] decrypted = cbc(Cipher.DECRYPT_MODE, password, iv, body);
        if (decrypted.length == 0) {
            throw GoPanic.indexOutOfRange(-1, 0);
        }
        int end = decrypted.length - (decrypted[decrypted.length - 1] & 0xff);
        GoPanic.checkSliceBounds(0, end, decrypted.length, false);
        return Arrays.copyOf(decrypted, end);
    }

    private static byte[] cbc(int mode, byte[] password, byte[] iv, byte[] data) {
        if (data.length == 0) {
            return data;
        }
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(mode, new SecretKeySpec(Arrays.copyOf(password, 32), "AES"), new IvParameterSpec(iv));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC unavailable", e);
        }
    }
}
