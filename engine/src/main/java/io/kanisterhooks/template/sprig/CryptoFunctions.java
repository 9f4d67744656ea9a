package io.kanisterhooks.template.sprig;

import static io.kanisterhooks.golang.errors.GoException.toGoError;

import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.golang.fmt.GoFmt;
import io.kanisterhooks.golang.net.GoIp;
import io.kanisterhooks.golang.strings.GoStrings;
import io.kanisterhooks.golang.value.GoStruct;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.Values;
import io.kanisterhooks.template.func.FuncMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * sprig v2.22's crypto functions with Kanister's two FIPS replacements: {@code derivePassword} always fails and
 * {@code genPrivateKey} only delegates for rsa, ecdsa and ed25519.
 */
final class CryptoFunctions {

    /** sprig's unexported {@code certificate} struct: Cert and Key in PEM. */
    static final GoType CERTIFICATE = GoType.struct("sprig.certificate")
            .field("Cert", GoType.STRING).field("Key", GoType.STRING).build();

    private CryptoFunctions() {
    }

    static void register(FuncMap m) {
        m.define("genPrivateKey", "func(string) (string, error)", a -> genPrivateKey((String) a[0]));
        m.define("derivePassword", "func(uint32, string, string, string, string) (string, error)", a -> {
            throw notFips("derivePassword");
        });
        m.define("buildCustomCert", "func(string, string) (sprig.certificate, error)", a -> struct(toGoError(
                () -> Certificates.buildCustom(bytes(a[0]), bytes(a[1])))));
        m.define("genCA", "func(string, int) (sprig.certificate, error)", a -> struct(toGoError(
                () -> Certificates.generateCa((String) a[0], SprigValues.intArg(a[1])))));
        m.define("genSelfSignedCert", "func(string, []interface {}, []interface {}, int) (sprig.certificate, error)",
                a -> struct(toGoError(() -> Certificates.generateSelfSigned((String) a[0], ips(a[1]), dnsNames(a[2]),
                        SprigValues.intArg(a[3])))));
        m.define("genSignedCert",
                "func(string, []interface {}, []interface {}, int, sprig.certificate) (sprig.certificate, error)",
                a -> struct(toGoError(() -> Certificates.generateSigned((String) a[0], ips(a[1]), dnsNames(a[2]),
                        SprigValues.intArg(a[3]), certificate(a[4])))));
        m.define("encryptAES", "func(string, string) (string, error)",
                a -> AesCbc.encrypt(bytes(a[0]), bytes(a[1])));
        m.define("decryptAES", "func(string, string) (string, error)",
                a -> GoStrings.fromUtf8(toGoError(() -> AesCbc.decrypt(bytes(a[0]), bytes(a[1])))));
    }

    /** Kanister's error for a sprig use it refuses. */
    private static GoError notFips(String usage) {
        return new GoError("sprig usage of '" + usage + "' is not allowed by kanister as it is not FIPS compatible");
    }

    private static String genPrivateKey(String type) {
        switch (type) {
            case "rsa", "ecdsa", "ed25519":
                return PrivateKeys.generate(type);
            default:
                throw notFips("genPrivateKey for " + type);
        }
    }

    private static byte[] bytes(Object s) {
        return ((String) s).getBytes(StandardCharsets.UTF_8);
    }

    private static GoStruct struct(Certificates.Certificate c) {
        return GoStruct.of(CERTIFICATE, c.cert(), c.key());
    }

    private static Certificates.Certificate certificate(Object v) {
        GoStruct s = (GoStruct) v;
        return new Certificates.Certificate((String) s.field(0), (String) s.field(1));
    }

    /** sprig's getNetIPs: every element must be a string holding an IP address. */
    private static List<byte[]> ips(Object list) {
        List<byte[]> out = new ArrayList<>();
        for (Object ip : elements(list)) {
            if (!(ip instanceof String s)) {
                throw new GoError("error parsing ip: " + GoFmt.toString(ip) + " is not a string");
            }
            byte[] parsed = GoIp.parse(s);
            if (parsed == null) {
                throw new GoError("error parsing ip: " + s);
            }
            out.add(parsed);
        }
        return out;
    }

    /** sprig's getAlternateDNSStrs: every element must be a string. */
    private static List<String> dnsNames(Object list) {
        List<String> out = new ArrayList<>();
        for (Object dns : elements(list)) {
            if (!(dns instanceof String s)) {
                throw new GoError("error processing alternate dns name: " + GoFmt.toString(dns) + " is not a string");
            }
            out.add(s);
        }
        return out;
    }

    private static List<Object> elements(Object list) {
        List<Object> e = Values.elements(list);
        return e == null ? List.of() : e;
    }
}
