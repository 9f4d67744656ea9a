package io.kanisterhooks.template.sprig;

import io.kanisterhooks.template.fmt.GoQuote;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** The parts of Go's strconv sprig needs beyond {@link GoQuote}: number parsing and quoting of raw bytes. */
final class GoStrconv {

    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern HEX_FLOAT = Pattern
            .compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?[0-9]+");

    private GoStrconv() {
    }

    /** {@code strconv.Quote} of a byte string held one char per byte: invalid UTF-8 bytes become \xNN. */
    static String quoteLatin1(String bytes) {
        byte[] b = bytes.getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder("\"");
        int i = 0;
        int runStart = 0;
        while (i < b.length) {
            int[] r = GoUtf8.decode(b, i);
            if (r[0] == GoUtf8.RUNE_ERROR && r[1] == 1) {
                appendQuotedRun(out, b, runStart, i);
                out.append(String.format("\\x%02x", b[i] & 0xff));
                runStart = i + 1;
            }
            i += r[1];
        }
        appendQuotedRun(out, b, runStart, b.length);
        return out.append('"').toString();
    }

    private static void appendQuotedRun(StringBuilder out, byte[] b, int from, int to) {
        String quoted = GoQuote.quote(new String(b, from, to - from, StandardCharsets.UTF_8));
        out.append(quoted, 1, quoted.length() - 1);
    }

    /** Go's underscoreOK: underscores only between digits (or after a base prefix), never last. */
    private static boolean underscoresOk(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && "bBoOxX".indexOf(s.charAt(1)) >= 0) {
            i = 2;
            saw = '0';
            hex = s.charAt(1) == 'x' || s.charAt(1) == 'X';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || hex && Character.digit(c, 16) >= 0) {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else {
                if (saw == '_') {
                    return false;
                }
                saw = '!';
            }
        }
        return saw != '_';
    }

    /** How regexp error messages quote an expression: backquoted when possible, else strconv.Quote. */
    static String quoteForRegexp(String s) {
        return GoQuote.canBackquote(s) ? "`" + s + "`" : GoQuote.quote(s);
    }

    /** {@code strconv.ParseInt(s, base, 64)}; null on any error (syntax or range). */
    static Long parseInt(String s, int base) {
        if (s.isEmpty()) {
            return null;
        }
        int start = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
        if (start == s.length()) {
            return null;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f || Character.digit(s.charAt(i), base) < 0) {
                return null;
            }
        }
        try {
            return Long.parseLong(s, base);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The value {@code strconv.Atoi} returns along with any error: 0 for a syntax error, the clamped int64 for an
     * out-of-range number.
     */
    static long atoiIgnoringErrors(String s) {
        Long v = parseInt(s, 10);
        if (v != null) {
            return v;
        }
        int start = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        boolean digits = s.length() > start && s.substring(start).chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits) {
            return 0;
        }
        return s.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    /** {@code strconv.ParseFloat(s, 64)}; null on a syntax error or when the value overflows to infinity. */
    static Double parseFloat(String s) {
        if (s.indexOf('_') >= 0) {
            return underscoresOk(s) ? parseFloat(s.replace("_", "")) : null;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        if (!DECIMAL_FLOAT.matcher(s).matches() && !HEX_FLOAT.matcher(s).matches()) {
            return null;
        }
        double d = Double.parseDouble(s);
        return Double.isInfinite(d) ? null : d;
    }
}
