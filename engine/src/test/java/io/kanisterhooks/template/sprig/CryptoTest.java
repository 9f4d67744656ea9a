package io.kanisterhooks.template.sprig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanisterhooks.golang.errors.GoException;
import io.kanisterhooks.golang.net.GoIp;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

/**
 * What sprig v2.22's crypto functions produce, checked field by field against what Go's x509 writes for sprig's
 * templates (verified with openssl against certificates made by the Go implementation).
 */
class CryptoTest {

    private static X509Certificate parse(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void caIsSelfSignedWithCertSignUsageAndSubjectKeyId() throws Exception {
        Certificates.Certificate ca = Certificates.generateCa("my-ca", 365);
        X509Certificate cert = parse(ca.cert());

        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=my-ca");
        assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
        assertThat(cert.getBasicConstraints()).as("CA without path length").isEqualTo(Integer.MAX_VALUE);
        // digitalSignature, keyEncipherment, keyCertSign
        assertThat(cert.getKeyUsage()).startsWith(true, false, true, false, false, true);
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(cert.getExtensionValue("2.5.29.14")).as("subject key id").isNotNull();
        assertThat(cert.getExtensionValue("2.5.29.35")).as("no authority key id when self-signed").isNull();
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(((RSAPublicKey) cert.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(cert.getSerialNumber().bitLength()).isLessThanOrEqualTo(128);
        assertThat(Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()))
                .isBetween(Duration.ofDays(365).minusSeconds(2), Duration.ofDays(365).plusSeconds(2));
        cert.verify(cert.getPublicKey());
        assertThat(ca.key()).startsWith("-----BEGIN RSA PRIVATE KEY-----\n").endsWith("-----END RSA PRIVATE KEY-----\n");
    }

    @Test
    void signedCertCarriesSansAndTheCaKeyIdAndVerifiesWithTheCa() throws Exception {
        Certificates.Certificate ca = Certificates.generateCa("ca", 1);
        Certificates.Certificate leaf = Certificates.generateSigned("svc", List.of(GoIp.parse("10.0.0.1"),
                GoIp.parse("::1")), List.of("a.com"), 30, ca);
        X509Certificate caCert = parse(ca.cert());
        X509Certificate cert = parse(leaf.cert());

        cert.verify(caCert.getPublicKey());
        assertThat(cert.getIssuerX500Principal()).isEqualTo(caCert.getSubjectX500Principal());
        assertThat(cert.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(cert.getKeyUsage()).startsWith(true, false, true, false, false, false);
        assertThat(cert.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))))
                .containsExactly("a.com", "10.0.0.1", "0:0:0:0:0:0:0:1");
        byte[] caKeyId = SubjectKeyIdentifier.getInstance(
                DEROctetString.getInstance(caCert.getExtensionValue("2.5.29.14")).getOctets()).getKeyIdentifier();
        byte[] authorityKeyId = AuthorityKeyIdentifier.getInstance(
                DEROctetString.getInstance(cert.getExtensionValue("2.5.29.35")).getOctets()).getKeyIdentifier();
        assertThat(authorityKeyId).isEqualTo(caKeyId);
    }

    @Test
    void selfSignedCertWithoutNamesHasAnEmptySubjectAndNoSanExtension() throws Exception {
        // Like Go, an empty CN gives an empty subject, which java.security refuses to parse; BouncyCastle reads it.
        String pem = Certificates.generateSelfSigned("", List.of(), List.of(), 1).cert();
        X509CertificateHolder cert = new X509CertificateHolder(
                PemBlock.decode(pem.getBytes(StandardCharsets.US_ASCII)).orElseThrow().bytes());
        assertThat(cert.getSubject().getRDNs()).isEmpty();
        assertThat(cert.getExtension(Extension.subjectAlternativeName)).isNull();
    }

    @Test
    void privateKeysAreGoPemBlocks() throws Exception {
        String rsa = PrivateKeys.generate("rsa");
        assertThat(rsa).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
        PemBlock rsaBlock = PemBlock.decode(rsa.getBytes(StandardCharsets.US_ASCII)).orElseThrow();
        assertThat(PrivateKeys.parsePkcs1(rsaBlock.bytes()).getPublic()).isInstanceOfSatisfying(RSAPublicKey.class,
                k -> assertThat(k.getModulus().bitLength()).isEqualTo(4096));
        assertThat(rsa.lines().filter(l -> !l.startsWith("-----")).allMatch(l -> l.length() <= 64)).isTrue();

        String ec = PrivateKeys.generate("ecdsa");
        PemBlock ecBlock = PemBlock.decode(ec.getBytes(StandardCharsets.US_ASCII)).orElseThrow();
        assertThat(ecBlock.type()).isEqualTo("EC PRIVATE KEY");
        ECPrivateKey sec1 = ECPrivateKey.getInstance(ASN1Primitive.fromByteArray(ecBlock.bytes()));
        assertThat(sec1.getParametersObject()).isEqualTo(SECObjectIdentifiers.secp256r1);
        assertThat(sec1.getPublicKey()).isNotNull();

        assertThat(PrivateKeys.generate("ed25519")).isEqualTo("Unknown type ed25519");
    }

    @Test
    void parsePkcs1TellsWhichFormatAKeyIsIn() throws Exception {
        PemBlock ec = PemBlock.decode(PrivateKeys.generate("ecdsa").getBytes(StandardCharsets.US_ASCII)).orElseThrow();
        assertThatThrownBy(() -> PrivateKeys.parsePkcs1(ec.bytes())).hasMessage(
                "x509: failed to parse private key (use ParseECPrivateKey instead for this key format)");
    }

    @Test
    void buildCustomCertValidatesAndReturnsTheDecodedPem() throws Exception {
        Certificates.Certificate ca = Certificates.generateCa("ca", 1);
        Base64.Encoder b64 = Base64.getEncoder();
        Certificates.Certificate built = Certificates.buildCustom(b64.encode(ca.cert().getBytes(StandardCharsets.UTF_8)),
                b64.encode(ca.key().getBytes(StandardCharsets.UTF_8)));
        assertThat(built).isEqualTo(ca);
        assertThatThrownBy(() -> Certificates.buildCustom("bad".getBytes(StandardCharsets.UTF_8),
                "bad".getBytes(StandardCharsets.UTF_8))).hasMessage("unable to decode base64 certificate");
        assertThatThrownBy(() -> Certificates.buildCustom(b64.encode("x".getBytes(StandardCharsets.UTF_8)),
                b64.encode("y".getBytes(StandardCharsets.UTF_8)))).hasMessage("unable to decode certificate");
    }

    @Test
    void aesDecryptsWhatGoSprigEncrypted() throws GoException {
        // Ciphertext produced by sprig v2.22's encryptAES "secretkey" "plaintext" (random IV included).
        byte[] fromGo = "Tn4GZZSQdgpY8X6CB0m7ToMlFp55H7uhSkL9lhmDo7U=".getBytes(StandardCharsets.US_ASCII);
        assertThat(new String(AesCbc.decrypt("secretkey".getBytes(StandardCharsets.UTF_8), fromGo),
                StandardCharsets.UTF_8)).isEqualTo("plaintext");
        String mine = AesCbc.encrypt("k".getBytes(StandardCharsets.UTF_8), "0123456789abcdef".getBytes(
                StandardCharsets.UTF_8));
        assertThat(Base64.getDecoder().decode(mine)).as("IV + two blocks (a full padding block)").hasSize(48);
        assertThat(AesCbc.decrypt("k".getBytes(StandardCharsets.UTF_8), mine.getBytes(StandardCharsets.US_ASCII)))
                .asString(StandardCharsets.UTF_8).isEqualTo("0123456789abcdef");
    }
}
