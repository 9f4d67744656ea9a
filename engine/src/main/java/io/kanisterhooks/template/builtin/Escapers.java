package io.kanisterhooks.template.builtin;

import io.kanisterhooks.template.fmt.GoFmt;
import io.kanisterhooks.template.fmt.GoQuote;
import io.kanisterhooks.template.value.GoPointer;
import java.nio.charset.StandardCharsets;
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
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(UPPER_HEX[c >> 4]).append(UPPER_HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }
}
