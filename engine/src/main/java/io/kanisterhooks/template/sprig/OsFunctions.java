package io.kanisterhooks.template.sprig;

import io.kanisterhooks.golang.errors.GoPanic;
import io.kanisterhooks.golang.net.GoIp;
import io.kanisterhooks.golang.path.GoPath;
import io.kanisterhooks.template.func.FuncMap;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.function.UnaryOperator;

/** sprig's OS, network and file-path functions: env, expandenv, getHostByName, base, dir, clean, ext, isAbs. */
final class OsFunctions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OsFunctions() {
    }

    static void register(FuncMap m) {
        m.define("env", "func(string) string", a -> getenv((String) a[0]));
        m.define("expandenv", "func(string) string", a -> expand((String) a[0], OsFunctions::getenv));
        m.define("getHostByName", "func(string) string", a -> getHostByName((String) a[0]));
        m.define("base", "func(string) string", a -> GoPath.base((String) a[0]));
        m.define("dir", "func(string) string", a -> GoPath.dir((String) a[0]));
        m.define("clean", "func(string) string", a -> GoPath.clean((String) a[0]));
        m.define("ext", "func(string) string", a -> GoPath.ext((String) a[0]));
        m.define("isAbs", "func(string) bool", a -> ((String) a[0]).startsWith("/"));
    }

    /** os.Getenv of the process running the templates (Kanister's controller): "" when unset. */
    private static String getenv(String name) {
        String v = System.getenv(name);
        return v == null ? "" : v;
    }

    /** sprig's getHostByName: one of the host's addresses at random; no address panics like rand.Intn(0). */
    static String getHostByName(String name) {
        InetAddress[] addrs;
        try {
            addrs = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            addrs = new InetAddress[0];
        }
        if (addrs.length == 0) {
            throw new GoPanic("invalid argument to Intn");
        }
        return GoIp.format(addrs[RANDOM.nextInt(addrs.length)].getAddress());
    }

    /** {@code os.Expand}: $name and ${name} replaced through the mapping, as the shell would. */
    static String expand(String s, UnaryOperator<String> mapping) {
        StringBuilder buf = null;
        int i = 0;
        for (int j = 0; j < s.length(); j++) {
            if (s.charAt(j) == '$' && j + 1 < s.length()) {
                if (buf == null) {
                    buf = new StringBuilder();
                }
                buf.append(s, i, j);
                String rest = s.substring(j + 1);
                String[] name = shellName(rest);
                int w = Integer.parseInt(name[1]);
                // An empty name with width is bad syntax, whose characters are dropped.
                if (name[0].isEmpty() && w == 0) {
                    buf.append('$');
                } else if (!name[0].isEmpty()) {
                    buf.append(mapping.apply(name[0]));
                }
                j += w;
                i = j + 1;
            }
        }
        return buf == null ? s : buf + s.substring(i);
    }

    private static boolean isShellSpecial(char c) {
        return "*#$@!?-0123456789".indexOf(c) >= 0;
    }

    private static boolean isAlphaNum(char c) {
        return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Go's getShellName: {name, width consumed}. */
    private static String[] shellName(String s) {
        if (s.charAt(0) == '{') {
            if (s.length() > 2 && isShellSpecial(s.charAt(1)) && s.charAt(2) == '}') {
                return new String[] {s.substring(1, 2), "3"};
            }
            for (int i = 1; i < s.length(); i++) {
                if (s.charAt(i) == '}') {
                    return i == 1 ? new String[] {"", "2"} : new String[] {s.substring(1, i), String.valueOf(i + 1)};
                }
            }
            return new String[] {"", "1"};
        }
        if (isShellSpecial(s.charAt(0))) {
            return new String[] {s.substring(0, 1), "1"};
        }
        int i = 0;
        while (i < s.length() && isAlphaNum(s.charAt(i))) {
            i++;
        }
        return new String[] {s.substring(0, i), String.valueOf(i)};
    }
}
