package io.kanisterhooks.template.sprig;

import io.kanisterhooks.golang.encoding.GoBase64;
import io.kanisterhooks.golang.errors.GoException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * sprig v2.22's certificate functions: {@code genCA}, {@code genSelfSignedCert}, {@code genSignedCert} and
 * {@code buildCustomCert}. Certificates carry what Go's x509 writes for sprig's template: random 128-bit serial,
 * CN-only subject, validity from now, key usage, server and client auth, basic constraints, a subject key id for
 * CAs, the CA's key id as authority key id, DNS and IP names; SHA-256 with RSA.
 */
final class Certificates {

    /** sprig's {@code certificate} struct. */
    record Certificate(String cert, String key) {
    }

    private static final long NANOS_PER_DAY = 24L * 3600 * 1_000_000_000L;

    private Certificates() {
    }

    /** {@code genCA}: a self-signed CA with a new 2048-bit RSA key. */
    static Certificate generateCa(String cn, int daysValid) throws GoException {
        Template t = Template.base(cn, List.of(), List.of(), daysValid);
        t.isCa = true;
        KeyPair key = PrivateKeys.generateRsa(2048);
        return sign(t, key, null, key.getPrivate());
    }

    /** {@code genSelfSignedCert}. */
    static Certificate generateSelfSigned(String cn, List<byte[]> ips, List<String> dnsNames, int daysValid)
            throws GoException {
        KeyPair key = PrivateKeys.generateRsa(2048);
        return sign(Template.base(cn, ips, dnsNames, daysValid), key, null, key.getPrivate());
    }

    /** {@code genSignedCert}: signed by the given CA, whose key must be PKCS#1 RSA. */
    static Certificate generateSigned(String cn, List<byte[]> ips, List<String> dnsNames, int daysValid,
            Certificate ca) throws GoException {
        X509CertificateHolder signer = parseCertificate(ca.cert().getBytes(StandardCharsets.UTF_8),
                "decodedSignerCert.Bytes");
        PemBlock keyBlock = PemBlock.decode(ca.key().getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new GoException("unable to decode key"));
        KeyPair signerKey;
        try {
            signerKey = PrivateKeys.parsePkcs1(keyBlock.bytes());
        } catch (GoException e) {
            throw new GoException("error parsing prive key: decodedSignerKey.Bytes: " + e.getMessage());
        }
        Template t = Template.base(cn, ips, dnsNames, daysValid);
        return sign(t, PrivateKeys.generateRsa(2048), signer, signerKey.getPrivate());
    }

    /** {@code buildCustomCert}: validates base64 PEM certificate and PKCS#1 key and returns them decoded. */
    static Certificate buildCustom(byte[] b64cert, byte[] b64key) throws GoException {
        byte[] cert;
        byte[] key;
        try {
            cert = GoBase64.decodeString(b64cert);
        } catch (GoException e) {
            throw new GoException("unable to decode base64 certificate");
        }
        try {
            key = GoBase64.decodeString(b64key);
        } catch (GoException e) {
            throw new GoException("unable to decode base64 private key");
        }
        parseCertificate(cert, "decodedCert.Bytes");
        PemBlock keyBlock = PemBlock.decode(key).orElseThrow(() -> new GoException("unable to decode key"));
        try {
            PrivateKeys.parsePkcs1(keyBlock.bytes());
        } catch (GoException e) {
            throw new GoException("error parsing prive key: decodedKey.Bytes: " + e.getMessage());
        }
        return new Certificate(new String(cert, StandardCharsets.UTF_8), new String(key, StandardCharsets.UTF_8));
    }

    private static X509CertificateHolder parseCertificate(byte[] pem, String what) throws GoException {
        PemBlock block = PemBlock.decode(pem).orElseThrow(() -> new GoException("unable to decode certificate"));
        try {
            return new X509CertificateHolder(block.bytes());
        } catch (IOException | RuntimeException e) {
            throw new GoException("error parsing certificate: " + what + ": x509: malformed certificate");
        }
    }

    /** The fields sprig's getBaseCertTemplate fills in. */
    private static final class Template {
        BigInteger serial;
        X500Name subject;
        List<byte[]> ips;
        List<String> dnsNames;
        Date notBefore;
        Date notAfter;
        boolean isCa;

        static Template base(String cn, List<byte[]> ips, List<String> dnsNames, int daysValid) {
            Template t = new Template();
            t.serial = new BigInteger(128, PrivateKeys.RANDOM);
            t.subject = subject(cn);
            t.ips = ips;
            t.dnsNames = dnsNames;
            long now = System.currentTimeMillis();
            t.notBefore = new Date(now);
            // Go's time.Hour * 24 * time.Duration(daysValid) wraps around like this on overflow.
            t.notAfter = new Date(now + NANOS_PER_DAY * daysValid / 1_000_000L);
            return t;
        }
    }

    /** CN only; PrintableString when possible, like Go's asn1 marshalling; empty CN gives an empty name. */
    private static X500Name subject(String cn) {
        if (cn.isEmpty()) {
            return new X500Name(new RDN[0]);
        }
        ASN1Encodable value = DERPrintableString.isPrintableString(cn) ? new DERPrintableString(cn)
                : new DERUTF8String(cn);
        return new X500Name(new RDN[] {new RDN(BCStyle.CN, value)});
    }

    private static Certificate sign(Template t, KeyPair subjectKey, X509CertificateHolder parent,
            PrivateKey signingKey) throws GoException {
        try {
            PublicKey pub = subjectKey.getPublic();
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(pub.getEncoded());
            X500Name issuer = parent == null ? t.subject : parent.getSubject();
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuer, t.serial, t.notBefore, t.notAfter,
                    t.subject, spki);
            int usage = KeyUsage.keyEncipherment | KeyUsage.digitalSignature;
            b.addExtension(Extension.keyUsage, true, new KeyUsage(t.isCa ? usage | KeyUsage.keyCertSign : usage));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(t.isCa));
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            if (t.isCa) {
                b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pub));
            }
            byte[] parentKeyId = parentKeyId(parent);
            if (parentKeyId != null && !issuer.equals(t.subject)) {
                b.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(parentKeyId));
            }
            List<GeneralName> names = new ArrayList<>();
            t.dnsNames.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
            t.ips.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(ip))));
            if (!names.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(new GeneralName[0])));
            }
            X509CertificateHolder holder = b.build(new JcaContentSignerBuilder("SHA256WithRSA").build(signingKey));
            return new Certificate(new PemBlock("CERTIFICATE", holder.getEncoded()).encode(),
                    new PemBlock("RSA PRIVATE KEY", PrivateKeys.pkcs1(subjectKey)).encode());
        } catch (CertIOException | OperatorCreationException | NoSuchAlgorithmException e) {
            throw new GoException("error creating certificate: " + e.getMessage());
        } catch (IOException e) {
            throw new GoException("error pem-encoding certificate: " + e.getMessage());
        }
    }

    private static byte[] parentKeyId(X509CertificateHolder parent) {
        if (parent == null || parent.getExtensions() == null) {
            return null;
        }
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(parent.getExtensions());
        return ski == null ? null : ski.getKeyIdentifier();
    }
}
