package io.kanisterhooks.golang.strconv;

import io.kanisterhooks.golang.strings.GoUtf8;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go's {@code strconv} quoting: {@code Quote}, {@code QuoteToASCII}, {@code QuoteRune}, {@code CanBackquote},
 * {@code IsPrint}, and the inverse {@code Unquote}/{@code UnquoteChar} used for template string and character
 * literals.
 */
public final class GoQuote {
    private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

    private GoQuote() {
    }

    /** {@code strconv.Quote}: a double-quoted Go string literal; non-printable runes are escaped. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        appendQuoted(sb, s, '"', false);
        return sb.toString();
    }

    /** {@code strconv.Quote} of a byte string held one char per byte: invalid UTF-8 bytes become \xNN. */
    public static String quoteLatin1(String bytes) {
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
        String quoted = quote(new String(b, from, to - from, StandardCharsets.UTF_8));
        out.append(quoted, 1, quoted.length() - 1);
    }

    /** {@code strconv.QuoteToASCII}: like {@link #quote} but every non-ASCII rune is escaped too. */
    public static String quoteToAscii(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        appendQuoted(sb, s, '"', true);
        return sb.toString();
    }

    static void appendQuoted(StringBuilder sb, String s, char quote, boolean asciiOnly) {
        sb.append(quote);
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            appendEscapedRune(sb, r, quote, asciiOnly);
        }
        sb.append(quote);
    }

    /** {@code strconv.QuoteRune} (or {@code QuoteRuneToASCII}): a single-quoted Go character literal. */
    public static String quoteRune(long r, boolean asciiOnly) {
        int rune = validRune(r) ? (int) r : 0xFFFD;
        StringBuilder sb = new StringBuilder(8);
        sb.append('\'');
        appendEscapedRune(sb, rune, '\'', asciiOnly);
        sb.append('\'');
        return sb.toString();
    }

    private static boolean validRune(long r) {
        return r >= 0 && r <= 0x10FFFF && !(r >= 0xD800 && r <= 0xDFFF);
    }

    private static void appendEscapedRune(StringBuilder sb, int r, char quote, boolean asciiOnly) {
        if (r == quote || r == '\\') {
            sb.append('\\').append((char) r);
            return;
        }
        if (asciiOnly) {
            if (r < 0x80 && isPrint(r)) {
                sb.append((char) r);
                return;
            }
        } else if (isPrint(r)) {
            sb.appendCodePoint(r);
            return;
        }
        switch (r) {
            case 7: sb.append("\\a"); return;
            case '\b': sb.append("\\b"); return;
            case '\f': sb.append("\\f"); return;
            case '\n': sb.append("\\n"); return;
            case '\r': sb.append("\\r"); return;
            case '\t': sb.append("\\t"); return;
            case 11: sb.append("\\v"); return;
            default:
                break;
        }
        if (r < ' ' || r == 0x7f) {
            sb.append("\\x").append(LOWER_HEX[(r >> 4) & 0xF]).append(LOWER_HEX[r & 0xF]);
        } else if (r < 0x10000) {
            int v = Character.isSurrogate((char) r) ? 0xFFFD : r;
            sb.append("\\u");
            for (int shift = 12; shift >= 0; shift -= 4) {
                sb.append(LOWER_HEX[(v >> shift) & 0xF]);
            }
        } else {
            sb.append("\\U");
            for (int shift = 28; shift >= 0; shift -= 4) {
                sb.append(LOWER_HEX[(r >> shift) & 0xF]);
            }
        }
    }

    /** {@code strconv.CanBackquote}: whether the string can be written as a raw string literal unchanged. */
    public static boolean canBackquote(String s) {
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (r >= 0x80) {
                if (r == 0xFEFF || r == 0xFFFD) {
                    return false;
                }
                continue;
            }
            if (r < ' ' && r != '\t' || r == '`' || r == 0x7F) {
                return false;
            }
        }
        return true;
    }

    /**
     * Go's {@code strconv.IsPrint}/{@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and
     * the ASCII space.
     */
    public static boolean isPrint(int r) {
        if (r < 0x80) {
            return r >= 0x20 && r < 0x7F;
        }
        switch (Character.getType(r)) {
            case Character.UPPERCASE_LETTER:
            case Character.LOWERCASE_LETTER:
            case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER:
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.COMBINING_SPACING_MARK:
            case Character.DECIMAL_DIGIT_NUMBER:
            case Character.LETTER_NUMBER:
            case Character.OTHER_NUMBER:
            case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
            case Character.MATH_SYMBOL:
            case Character.CURRENCY_SYMBOL:
            case Character.MODIFIER_SYMBOL:
            case Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }

    /**
     * {@code strconv.Unquote} for double-quoted, single-quoted and back-quoted literals.
     *
     * @throws IllegalArgumentException with Go's message {@code invalid syntax}
     */
    public static String unquote(String s) {
        int n = s.length();
        if (n < 2) {
            throw syntaxError();
        }
        char quote = s.charAt(0);
        if (quote != s.charAt(n - 1)) {
            throw syntaxError();
        }
        String body = s.substring(1, n - 1);
        if (quote == '`') {
            if (body.indexOf('`') >= 0) {
                throw syntaxError();
            }
            return body.indexOf('\r') >= 0 ? body.replace("\r", "") : body;
        }
        if (quote != '"' && quote != '\'') {
            throw syntaxError();
        }
        if (body.indexOf('\n') >= 0) {
            throw syntaxError();
        }
        if (body.indexOf('\\') < 0 && body.indexOf(quote) < 0) {
            if (quote == '"') {
                return body;
            }
            if (body.codePointCount(0, body.length()) == 1) {
                return body;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        Cursor c = new Cursor(body);
        while (!c.atEnd()) {
            Unquoted u = unquoteChar(c, quote);
            if (u.rune < 0x80 || !u.multibyte) {
                out.write(u.rune);
            } else {
                byte[] b = new String(Character.toChars(u.rune)).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
            if (quote == '\'' && !c.atEnd()) {
                throw syntaxError();
            }
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    /**
     * {@code strconv.UnquoteChar(s, quote)}: decodes the first character or escape of {@code s}.
     *
     * @return the rune value, whether it is a multibyte character, and the unconsumed rest of {@code s}
     */
    public static UnquotedChar unquoteChar(String s, char quote) {
        Cursor c = new Cursor(s);
        Unquoted u = unquoteChar(c, quote);
        return new UnquotedChar(u.rune, u.multibyte, s.substring(c.pos));
    }

    /** Result of {@link #unquoteChar}. */
    public static final class UnquotedChar {
        private final int rune;
        private final boolean multibyte;
        private final String tail;

        UnquotedChar(int rune, boolean multibyte, String tail) {
            this.rune = rune;
            this.multibyte = multibyte;
            this.tail = tail;
        }

        public int rune() {
            return rune;
        }

        /** Whether the rune is a character to encode as UTF-8, rather than one byte ({@code \xff}, {@code \377}). */
        public boolean multibyte() {
            return multibyte;
        }

        public String tail() {
            return tail;
        }
    }

    private static final class Cursor {
        final String s;
        int pos;

        Cursor(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }
    }

    private static final class Unquoted {
        final int rune;
        final boolean multibyte;

        Unquoted(int rune, boolean multibyte) {
            this.rune = rune;
            this.multibyte = multibyte;
        }
    }

    private static Unquoted unquoteChar(Cursor c, char quote) {
        String s = c.s;
        if (c.atEnd()) {
            throw syntaxError();
        }
        char ch = s.charAt(c.pos);
        if (ch == quote && (quote == '\'' || quote == '"')) {
            throw syntaxError();
        }
        if (ch >= 0x80) {
            int r = s.codePointAt(c.pos);
            c.pos += Character.charCount(r);
            return new Unquoted(r, true);
        }
        if (ch != '\\') {
            c.pos++;
            return new Unquoted(ch, false);
        }
        if (c.pos + 1 >= s.length()) {
            throw syntaxError();
        }
        char e = s.charAt(c.pos + 1);
        c.pos += 2;
        switch (e) {
            case 'a': return new Unquoted(7, false);
            case 'b': return new Unquoted('\b', false);
            case 'f': return new Unquoted('\f', false);
            case 'n': return new Unquoted('\n', false);
            case 'r': return new Unquoted('\r', false);
            case 't': return new Unquoted('\t', false);
            case 'v': return new Unquoted(11, false);
            case 'x':
            case 'u':
            case 'U': {
                int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (c.pos + n > s.length()) {
                    throw syntaxError();
                }
                long v = 0;
                for (int j = 0; j < n; j++) {
                    int x = Character.digit(s.charAt(c.pos + j), 16);
                    if (x < 0 || s.charAt(c.pos + j) >= 0x80) {
                        throw syntaxError();
                    }
                    v = v << 4 | x;
                }
                c.pos += n;
                if (e == 'x') {
                    return new Unquoted((int) v, false);
                }
                if (!validRune(v)) {
                    throw syntaxError();
                }
                return new Unquoted((int) v, true);
            }
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                int v = e - '0';
                if (c.pos + 2 > s.length()) {
                    throw syntaxError();
                }
                for (int j = 0; j < 2; j++) {
                    int x = s.charAt(c.pos + j) - '0';
                    if (x < 0 || x > 7) {
                        throw syntaxError();
                    }
                    v = v << 3 | x;
                }
                c.pos += 2;
                if (v > 255) {
                    throw syntaxError();
                }
                return new Unquoted(v, false);
            }
            case '\\':
                return new Unquoted('\\', false);
            case '\'':
            case '"':
                if (e != quote) {
                    throw syntaxError();
                }
                return new Unquoted(e, false);
            default:
                throw syntaxError();
        }
    }

    private static IllegalArgumentException syntaxError() {
        return new IllegalArgumentException("invalid syntax");
    }
}
