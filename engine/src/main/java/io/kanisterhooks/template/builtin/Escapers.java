package io.kanisterhooks.template.builtin;

import io.kanisterhooks.golang.fmt.GoFmt;
import io.kanisterhooks.golang.net.GoUrl;
import io.kanisterhooks.golang.strconv.GoQuote;
import io.kanisterhooks.golang.value.GoPointer;
import java.util.Locale;

/**
 * text/template's {@code html}, {@code js} and {@code urlquery}: each joins its arguments like
 * {@code fmt.Sprint} (a missing value reads {@code <no value>}) and escapes the result exactly as Go does.
 */
public final class Escapers {
    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    private Escapers() {
    }

    /** Go's {@code evalArgs}: the textual representation of the arguments. */
    static String evalArgs(Object[] args) {
        if (args.length == 1 && args[0] instanceof String) {
            return (String) args[0];
        }
        Object[] printable = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            while (a instanceof GoPointer && !((GoPointer) a).isNil()) {
                a = ((GoPointer) a).target();
            }
            printable[i] = a == null ? "<no value>" : a;
        }
        return GoFmt.sprint(printable);
    }

    /** {@code template.HTMLEscapeString}: {@code <>&'"} become entities and NUL becomes U+FFFD. */
    public static String html(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep;
            switch (c) {
                case 0: rep = "\uFFFD"; break;
                case '"': rep = "&#34;"; break;
                case '\'': rep = "&#39;"; break;
                case '&': rep = "&amp;"; break;
                case '<': rep = "&lt;"; break;
                case '>': rep = "&gt;"; break;
                default: rep = null; break;
            }
            if (rep == null) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            sb.append(rep);
        }
        return sb == null ? s : sb.toString();
    }

    /** {@code template.JSEscapeString}. */
    public static String js(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (r >= 0x80) {
                if (GoQuote.isPrint(r)) {
                    sb.appendCodePoint(r);
                } else {
                    String hex = Integer.toHexString(r).toUpperCase(Locale.ROOT);
                    sb.append("\\u");
                    for (int k = hex.length(); k < 4; k++) {
                        sb.append('0');
                    }
                    sb.append(hex);
                }
                continue;
            }
            switch (r) {
                case '\\': sb.append("\\\\"); break;
                case '\'': sb.append("\\'"); break;
                case '"': sb.append("\\\""); break;
                case '<': sb.append("\\u003C"); break;
                case '>': sb.append("\\u003E"); break;
                case '&': sb.append("\\u0026"); break;
                case '=': sb.append("\\u003D"); break;
                default:
                    if (r < ' ') {
                        sb.append("\\u00").append(UPPER_HEX[r >> 4]).append(UPPER_HEX[r & 0xF]);
                    } else {
                        sb.append((char) r);
                    }
                    break;
            }
        }
        return sb.toString();
    }

    /** {@code url.QueryEscape}: space becomes {@code +}, everything but {@code A-Za-z0-9-_.~} is %-escaped. */
    public static String urlQuery(String s) {
        return GoUrl.queryEscape(s);
    }
}
