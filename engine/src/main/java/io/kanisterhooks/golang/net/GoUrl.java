package io.kanisterhooks.golang.net;

import io.kanisterhooks.golang.errors.GoException;
import io.kanisterhooks.golang.strconv.GoQuote;
import io.kanisterhooks.golang.strings.GoStrings;
import io.kanisterhooks.golang.strings.Latin1;

/**
 * Go's {@code net/url.URL}: {@link #parse} as {@code url.Parse} and {@link #toString} as {@code URL.String()}. All
 * fields are byte strings (one char per byte, see {@link Latin1}) because URL escaping works on bytes.
 */
public final class GoUrl {

    private enum Mode { PATH, PATH_SEGMENT, HOST, ZONE, USER_PASSWORD, QUERY_COMPONENT, FRAGMENT }

    public String scheme = "";
    public String opaque = "";
    /** Null when the URL has no userinfo. */
    public String username;
    public String password;
    public boolean passwordSet;
    public String host = "";
    public String path = "";
    public String rawPath = "";
    public boolean omitHost;
    public boolean forceQuery;
    public String rawQuery = "";
    public String fragment = "";
    public String rawFragment = "";

    /** {@code url.Parse}; errors carry Go's {@code *url.Error} text. */
    public static GoUrl parse(String rawUrl) throws GoException {
        int hash = rawUrl.indexOf('#');
        String u = hash < 0 ? rawUrl : rawUrl.substring(0, hash);
        String frag = hash < 0 ? "" : rawUrl.substring(hash + 1);
        GoUrl url;
        try {
            url = parseWithoutFragment(u);
        } catch (GoException e) {
            throw new GoException("parse " + GoQuote.quoteLatin1(u) + ": " + e.getMessage());
        }
        if (frag.isEmpty()) {
            return url;
        }
        try {
            url.fragment = unescape(frag, Mode.FRAGMENT);
            url.rawFragment = escape(url.fragment, Mode.FRAGMENT).equals(frag) ? "" : frag;
        } catch (GoException e) {
            throw new GoException("parse " + GoQuote.quoteLatin1(rawUrl) + ": " + e.getMessage());
        }
        return url;
    }

    private static GoUrl parseWithoutFragment(String rawUrl) throws GoException {
        for (int i = 0; i < rawUrl.length(); i++) {
            if (rawUrl.charAt(i) < ' ' || rawUrl.charAt(i) == 0x7f) {
                throw new GoException("net/url: invalid control character in URL");
            }
        }
        GoUrl url = new GoUrl();
        if (rawUrl.equals("*")) {
            url.path = "*";
            return url;
        }
        String rest = url.takeScheme(rawUrl);
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            url.forceQuery = true;
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int q = rest.indexOf('?');
            if (q >= 0) {
                url.rawQuery = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
        }
        if (!rest.startsWith("/")) {
            if (!url.scheme.isEmpty()) {
                // A rootless path after a scheme is opaque (RFC 3986).
                url.opaque = rest;
                return url;
            }
            int slash = rest.indexOf('/');
            if ((slash < 0 ? rest : rest.substring(0, slash)).contains(":")) {
                throw new GoException("first path segment in URL cannot contain colon");
            }
        }
        if ((!url.scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            rest = "";
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            }
            url.parseAuthority(authority);
        } else if (!url.scheme.isEmpty() && rest.startsWith("/")) {
            url.omitHost = true;
        }
        url.path = unescape(rest, Mode.PATH);
        url.rawPath = escape(url.path, Mode.PATH).equals(rest) ? "" : rest;
        return url;
    }

    /** Splits off "scheme:" ([a-zA-Z][a-zA-Z0-9+.-]*); returns the rest. */
    private String takeScheme(String rawUrl) throws GoException {
        for (int i = 0; i < rawUrl.length(); i++) {
            char c = rawUrl.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    return rawUrl;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new GoException("missing protocol scheme");
                }
                scheme = GoStrings.toLower(rawUrl.substring(0, i));
                return rawUrl.substring(i + 1);
            }
            return rawUrl;
        }
        return rawUrl;
    }

    private void parseAuthority(String authority) throws GoException {
        int at = authority.lastIndexOf('@');
        host = parseHost(at < 0 ? authority : authority.substring(at + 1));
        if (at < 0) {
            return;
        }
        String userinfo = authority.substring(0, at);
        if (!validUserinfo(userinfo)) {
            throw new GoException("net/url: invalid userinfo");
        }
        int colon = userinfo.indexOf(':');
        if (colon < 0) {
            username = unescape(userinfo, Mode.USER_PASSWORD);
            password = "";
        } else {
            username = unescape(userinfo.substring(0, colon), Mode.USER_PASSWORD);
            password = unescape(userinfo.substring(colon + 1), Mode.USER_PASSWORD);
            passwordSet = true;
        }
    }

    private static boolean validUserinfo(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static String parseHost(String host) throws GoException {
        if (host.startsWith("[")) {
            int i = host.lastIndexOf(']');
            if (i < 0) {
                throw new GoException("missing ']' in host");
            }
            String colonPort = host.substring(i + 1);
            if (!validOptionalPort(colonPort)) {
                throw new GoException("invalid port " + GoQuote.quoteLatin1(colonPort) + " after host");
            }
            int zone = host.substring(0, i).indexOf("%25");
            if (zone >= 0) {
                return unescape(host.substring(0, zone), Mode.HOST) + unescape(host.substring(zone, i), Mode.ZONE)
                        + unescape(host.substring(i), Mode.HOST);
            }
        } else {
            int i = host.lastIndexOf(':');
            if (i >= 0 && !validOptionalPort(host.substring(i))) {
                throw new GoException("invalid port " + GoQuote.quoteLatin1(host.substring(i)) + " after host");
            }
        }
        return unescape(host, Mode.HOST);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code URL.Hostname()}: the host without port and IPv6 brackets. */
    public String hostname() {
        String h = host;
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && validOptionalPort(h.substring(colon))) {
            h = h.substring(0, colon);
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h;
    }

    /** {@code Userinfo.String()}: "" without userinfo. */
    public String userinfo() {
        if (username == null) {
            return "";
        }
        String s = escape(username, Mode.USER_PASSWORD);
        return passwordSet ? s + ":" + escape(password, Mode.USER_PASSWORD) : s;
    }

    /** Sets the userinfo from "user[:password]" text the way sprig's urlJoin does (via a parsed URL). */
    public void setUserinfo(String userinfo) throws GoException {
        GoUrl temp = parse("proto://" + userinfo + "@host");
        username = temp.username;
        password = temp.password;
        passwordSet = temp.passwordSet;
    }

    /** {@code url.QueryEscape}: space becomes {@code +}, every byte but {@code A-Za-z0-9-_.~} is %-escaped. */
    public static String queryEscape(String s) {
        return escape(Latin1.fromUtf8(s), Mode.QUERY_COMPONENT);
    }

    /** {@code URL.String()}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (!scheme.isEmpty()) {
            b.append(scheme).append(':');
        }
        if (!opaque.isEmpty()) {
            b.append(opaque);
        } else {
            if (!scheme.isEmpty() || !host.isEmpty() || username != null) {
                if (!(omitHost && host.isEmpty() && username == null)) {
                    if (!host.isEmpty() || !path.isEmpty() || username != null) {
                        b.append("//");
                    }
                    if (username != null) {
                        b.append(userinfo()).append('@');
                    }
                    if (!host.isEmpty()) {
                        b.append(escape(host, Mode.HOST));
                    }
                }
            }
            String p = escapedPath();
            if (!p.isEmpty() && p.charAt(0) != '/' && !host.isEmpty()) {
                b.append('/');
            }
            if (b.length() == 0) {
                int slash = p.indexOf('/');
                if ((slash < 0 ? p : p.substring(0, slash)).contains(":")) {
                    // "./" keeps a colon in the first segment from reading as a scheme.
                    b.append("./");
                }
            }
            b.append(p);
        }
        if (forceQuery || !rawQuery.isEmpty()) {
            b.append('?').append(rawQuery);
        }
        if (!fragment.isEmpty()) {
            String raw = validRaw(rawFragment, fragment, Mode.FRAGMENT);
            b.append('#').append(raw != null ? raw : escape(fragment, Mode.FRAGMENT));
        }
        return b.toString();
    }

    /** {@code URL.EscapedPath()}. */
    private String escapedPath() {
        String raw = validRaw(rawPath, path, Mode.PATH);
        if (raw != null) {
            return raw;
        }
        return path.equals("*") ? "*" : escape(path, Mode.PATH);
    }

    /** The raw form as written when it is a valid escaping of the decoded value, else null. */
    private static String validRaw(String raw, String decoded, Mode mode) {
        if (!raw.isEmpty() && validEncoded(raw, mode)) {
            try {
                if (unescape(raw, mode).equals(decoded)) {
                    return raw;
                }
            } catch (GoException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean validEncoded(String s, Mode mode) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("!$&'()*+,;=:@[]%".indexOf(c) < 0 && shouldEscape(c, mode)) {
                return false;
            }
        }
        return true;
    }

    private static boolean shouldEscape(char c, Mode mode) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return false;
        }
        if ((mode == Mode.HOST || mode == Mode.ZONE) && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
            return false;
        }
        if ("-_.~".indexOf(c) >= 0) {
            return false;
        }
        if ("$&+,/:;=?@".indexOf(c) >= 0) {
            switch (mode) {
                case PATH:
                    return c == '?';
                case PATH_SEGMENT:
                    return c == '/' || c == ';' || c == ',' || c == '?';
                case USER_PASSWORD:
                    return c == '@' || c == '/' || c == '?' || c == ':';
                case QUERY_COMPONENT:
                    return true;
                case FRAGMENT:
                    return false;
                default:
                    break;
            }
        }
        if (mode == Mode.FRAGMENT && "!()*".indexOf(c) >= 0) {
            return false;
        }
        return true;
    }

    private static String escape(String s, Mode mode) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' && mode == Mode.QUERY_COMPONENT) {
                b.append('+');
            } else if (shouldEscape(c, mode)) {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static String unescape(String s, Mode mode) throws GoException {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                    String bad = s.substring(i, Math.min(s.length(), i + 3));
                    throw new GoException("invalid URL escape " + GoQuote.quoteLatin1(bad));
                }
                int v = Character.digit(s.charAt(i + 1), 16) << 4 | Character.digit(s.charAt(i + 2), 16);
                String escaped = s.substring(i, i + 3);
                if (mode == Mode.HOST && Character.digit(s.charAt(i + 1), 16) < 8 && !escaped.equals("%25")) {
                    throw new GoException("invalid URL escape " + GoQuote.quoteLatin1(escaped));
                }
                if (mode == Mode.ZONE && !escaped.equals("%25") && v != ' ' && shouldEscape((char) v, Mode.HOST)) {
                    throw new GoException("invalid URL escape " + GoQuote.quoteLatin1(escaped));
                }
                b.append((char) v);
                i += 2;
            } else if (c == '+') {
                b.append(mode == Mode.QUERY_COMPONENT ? ' ' : '+');
            } else {
                if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && shouldEscape(c, mode)) {
                    throw new GoException("invalid character " + GoQuote.quoteLatin1(String.valueOf(c))
                            + " in host name");
                }
                b.append(c);
            }
        }
        return b.toString();
    }
}
