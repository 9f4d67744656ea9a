package io.kanisterhooks.template.sprig;

import io.kanisterhooks.golang.errors.GoException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Private keys as sprig v2.22 generates and encodes them (Go's x509 PKCS#1 and SEC 1 DER in PEM). */
final class PrivateKeys {

    static final SecureRandom RANDOM = new SecureRandom();

    private PrivateKeys() {
    }

    /**
     * sprig's {@code generatePrivateKey}: "rsa" (and "") a 4096-bit RSA key as "RSA PRIVATE KEY", "ecdsa" a P-256
     * key as "EC PRIVATE KEY", anything else the text "Unknown type X". ("dsa" is refused by Kanister before.)
     */
    static String generate(String type) {
        switch (type) {
            case "", "rsa":
                return new PemBlock("RSA PRIVATE KEY", pkcs1(generateRsa(4096))).encode();
            case "ecdsa":
                return new PemBlock("EC PRIVATE KEY", sec1(generateP256())).encode();
            default:
                return "Unknown type " + type;
        }
    }

    static KeyPair generateRsa(int bits) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(bits, RANDOM);
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation unavailable", e);
        }
    }

    private static KeyPair generateP256() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC key generation unavailable", e);
        }
    }

    /** Go's {@code x509.MarshalPKCS1PrivateKey}. */
    static byte[] pkcs1(KeyPair pair) {
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) pair.getPrivate();
        try {
            return new RSAPrivateKey(k.getModulus(), k.getPublicExponent(),
                    k.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(),
                    k.getPrimeExponentQ(), k.getCrtCoefficient()).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Go's {@code x509.MarshalECPrivateKey}: version 1, the 32-byte scalar, the curve OID, the public point. */
    private static byte[] sec1(KeyPair pair) {
        ECPrivateKey priv = (ECPrivateKey) pair.getPrivate();
        ECPublicKey pub = (ECPublicKey) pair.getPublic();
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(pub.getEncoded());
        try {
            return new org.bouncycastle.asn1.sec.ECPrivateKey(256, priv.getS(),
                    new DERBitString(spki.getPublicKeyData().getBytes()), SECObjectIdentifiers.secp256r1)
                    .getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Go's {@code x509.ParsePKCS1PrivateKey} as far as sprig reports it: returns the key pair or throws with
     * Go's message for the common failure kinds.
     */
    static KeyPair parsePkcs1(byte[] der) throws GoException {
        RSAPrivateKey k;
        try {
            k = RSAPrivateKey.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException | RuntimeException e) {
            if (parses(der, PrivateKeys::isEcPrivateKey)) {
                throw new GoException(
                        "x509: failed to parse private key (use ParseECPrivateKey instead for this key format)");
            }
            if (parses(der, PrivateKeys::isPkcs8)) {
                throw new GoException(
                        "x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)");
            }
            throw new GoException("asn1: structure error: tags don't match");
        }
        if (k.getVersion().compareTo(BigInteger.ONE) > 0) {
            throw new GoException("x509: unsupported private key version");
        }
        if (k.getModulus().signum() <= 0 || k.getPrivateExponent().signum() <= 0 || k.getPrime1().signum() <= 0
                || k.getPrime2().signum() <= 0) {
            throw new GoException("x509: private key contains zero or negative value");
        }
        try {
            KeyFactory f = KeyFactory.getInstance("RSA");
            return new KeyPair(f.generatePublic(new RSAPublicKeySpec(k.getModulus(), k.getPublicExponent())),
                    f.generatePrivate(new RSAPrivateCrtKeySpec(k.getModulus(), k.getPublicExponent(),
                            k.getPrivateExponent(), k.getPrime1(), k.getPrime2(), k.getExponent1(),
                            k.getExponent2(), k.getCoefficient())));
        } catch (GeneralSecurityException e) {
            throw new GoException("crypto/rsa: invalid modulus");
        }
    }

    private interface Check {
        void run(byte[] der) throws IOException;
    }

    private static boolean parses(byte[] der, Check check) {
        try {
            check.run(der);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void isEcPrivateKey(byte[] der) throws IOException {
        org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(ASN1Primitive.fromByteArray(der)).getKey();
    }

    private static void isPkcs8(byte[] der) throws IOException {
        PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der)).getPrivateKeyAlgorithm();
    }
}
