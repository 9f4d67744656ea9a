package io.kanisterhooks.template.sprig;

import io.kanisterhooks.golang.encoding.GoBase32;
import io.kanisterhooks.golang.encoding.GoBase64;
import io.kanisterhooks.golang.errors.GoException;
import io.kanisterhooks.golang.errors.GoPanic;
import io.kanisterhooks.golang.net.GoUrl;
import io.kanisterhooks.golang.strings.GoStrings;
import io.kanisterhooks.golang.strings.Latin1;
import io.kanisterhooks.golang.value.GoKind;
import io.kanisterhooks.golang.value.Values;
import io.kanisterhooks.template.func.FuncMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Adler32;

/** sprig's encodings, hashes, UUIDs and URL functions. */
final class EncodingFunctions {

    private EncodingFunctions() {
    }

    static void register(FuncMap m) {
        m.define("b64enc", "func(string) string", a -> GoBase64.encodeToString(utf8(a[0])));
        m.define("b64dec", "func(string) string", a -> decodeOrErrorText(a[0], true));
        m.define("b32enc", "func(string) string", a -> GoBase32.encodeToString(utf8(a[0])));
        m.define("b32dec", "func(string) string", a -> decodeOrErrorText(a[0], false));
        m.define("sha1sum", "func(string) string", a -> hex("SHA-1", a[0]));
        m.define("sha256sum", "func(string) string", a -> hex("SHA-256", a[0]));
        m.define("adler32sum", "func(string) string", a -> {
            Adler32 sum = new Adler32();
            sum.update(utf8(a[0]));
            return Long.toString(sum.getValue());
        });
        m.define("uuidv4", "func() string", a -> UUID.randomUUID().toString());
        m.define("urlParse", "func(string) map[string]interface {}", a -> urlParse((String) a[0]));
        m.define("urlJoin", "func(map[string]interface {}) string", a -> urlJoin(SprigValues.dict(a[0])));
    }

    private static byte[] utf8(Object s) {
        return ((String) s).getBytes(StandardCharsets.UTF_8);
    }

    /** sprig's b64dec/b32dec return the decoder's error text instead of failing. */
    private static String decodeOrErrorText(Object s, boolean base64) {
        try {
            return GoStrings.fromUtf8(base64 ? GoBase64.decodeString(utf8(s)) : GoBase32.decodeString(utf8(s)));
        } catch (GoException e) {
            return e.getMessage();
        }
    }

    private static String hex(String algorithm, Object s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(utf8(s)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }

    private static Map<String, Object> urlParse(String v) {
        GoUrl u;
        try {
            u = GoUrl.parse(Latin1.fromUtf8(v));
        } catch (GoException e) {
            throw new GoPanic("unable to parse url: " + e.getMessage());
        }
        Map<String, Object> d = new HashMap<>();
        d.put("scheme", Latin1.toUtf8(u.scheme));
        d.put("host", Latin1.toUtf8(u.host));
        d.put("hostname", Latin1.toUtf8(u.hostname()));
        d.put("path", Latin1.toUtf8(u.path));
        d.put("query", Latin1.toUtf8(u.rawQuery));
        d.put("opaque", Latin1.toUtf8(u.opaque));
        d.put("fragment", Latin1.toUtf8(u.fragment));
        d.put("userinfo", Latin1.toUtf8(u.userinfo()));
        return d;
    }

    private static String urlJoin(Map<String, Object> d) {
        GoUrl u = new GoUrl();
        u.scheme = field(d, "scheme");
        u.host = field(d, "host");
        u.path = field(d, "path");
        u.rawQuery = field(d, "query");
        u.opaque = field(d, "opaque");
        u.fragment = field(d, "fragment");
        String userinfo = field(d, "userinfo");
        if (!userinfo.isEmpty()) {
            try {
                u.setUserinfo(userinfo);
            } catch (GoException e) {
                throw new GoPanic("unable to parse userinfo in dict: " + e.getMessage());
            }
        }
        return Latin1.toUtf8(u.toString());
    }

    /** sprig's dictGetOrEmpty: "" when absent, a panic unless the value is of a string kind. */
    private static String field(Map<String, Object> d, String key) {
        if (d == null || !d.containsKey(key)) {
            return "";
        }
        GoKind kind = SprigValues.kindOrPanic(d.get(key));
        if (kind != GoKind.STRING) {
            throw new GoPanic("unable to parse " + key + " key, must be of type string, but " + kind.goName()
                    + " found");
        }
        return Latin1.fromUtf8(Values.stringOf(d.get(key)));
    }
}
