package io.kanisterhooks.golang.json;

import io.kanisterhooks.golang.strconv.GoQuote;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Lexical reading of JSON text as Go's encoding/json scanner reads it, shared by the decoders: {@link #checkValid}
 * is Go's first pass over the whole input and fails with Go's syntax error texts ({@code invalid character 'x' after
 * object key}, {@code unexpected end of JSON input}, {@code exceeded max depth}); the decoders read values only after
 * it passed, as Go's do.
 */
abstract class JsonScanner {

    /** Go's encoding/json nesting limit. */
    private static final int MAX_DEPTH = 10000;

    final String text;
    int pos;

    JsonScanner(String text) {
        this.text = text;
    }

    /** Go's {@code checkValid}: the text is exactly one JSON value; the cursor is back at the start afterwards. */
    final void checkValid() {
        skipSpaces();
        skipValue(0);
        skipSpaces();
        if (pos < text.length()) {
            throw syntax("after top-level value");
        }
        pos = 0;
    }

    /** Skips the value at the cursor, {@code depth} levels deep; returns its kind as Go's type errors name it. */
    final String skipValue(int depth) {
        Deque<Character> open = new ArrayDeque<>();
        String kind = null;
        while (true) {
            String k = scalarOrOpen(peek(), open, depth);
            if (kind == null) {
                kind = k;
            }
            boolean opened = k.equals("object") || k.equals("array");
            if (opened && !closedAtOnce(open)) {
                continue;
            }
            if (afterValue(open)) {
                return kind;
            }
        }
    }

    /** Skips the value at the cursor (inside a document that passed {@link #checkValid}). */
    final void skipValue() {
        skipValue(0);
    }

    /** Consumes a scalar, or the opening of a container (pushing its closer and, for objects, the first key). */
    private String scalarOrOpen(int c, Deque<Character> open, int depth) {
        switch (c) {
            case '{', '[' -> {
                if (depth + open.size() + 1 > MAX_DEPTH) {
                    throw syntax("exceeded max depth");
                }
                pos++;
                open.push(c == '{' ? '}' : ']');
                return c == '{' ? "object" : "array";
            }
            case '"' -> {
                string();
                return "string";
            }
            case 't' -> {
                literal("true");
                return "bool";
            }
            case 'f' -> {
                literal("false");
                return "bool";
            }
            case 'n' -> {
                literal("null");
                return "null";
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    numberLiteral();
                    return "number";
                }
                throw syntax("looking for beginning of value");
            }
        }
    }

    /** After an opening bracket: closes it at once when empty, else positions at the first element. */
    private boolean closedAtOnce(Deque<Character> open) {
        skipSpaces();
        char closer = open.peek();
        if (peek() == closer) {
            pos++;
            open.pop();
            return true;
        }
        if (closer == '}') {
            objectKey();
        }
        return false;
    }

    /**
     * After a complete value: consumes separators and closers until another value is expected (false) or the
     * outermost container is closed (true).
     */
    private boolean afterValue(Deque<Character> open) {
        while (!open.isEmpty()) {
            skipSpaces();
            char closer = open.peek();
            int c = peek();
            if (c == ',') {
                pos++;
                skipSpaces();
                if (closer == '}') {
                    objectKey();
                }
                return false;
            }
            if (c != closer) {
                throw syntax(closer == '}' ? "after object key:value pair" : "after array element");
            }
            pos++;
            open.pop();
        }
        return true;
    }

    /** An object key and its colon; returns the key. */
    private String objectKey() {
        if (peek() != '"') {
            throw syntax("looking for beginning of object key string");
        }
        String key = string();
        skipSpaces();
        if (peek() != ':') {
            throw syntax("after object key");
        }
        pos++;
        skipSpaces();
        return key;
    }

    @FunctionalInterface
    interface MemberReader {
        void read(String key);
    }

    /** Reads the members of an object whose {@code {} is consumed, handing each key to {@code member}. */
    final void readObject(MemberReader member) {
        skipSpaces();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            skipSpaces();
            member.read(objectKey());
            skipSpaces();
            int c = peek();
            pos++;
            if (c == '}') {
                return;
            }
            if (c != ',') {
                pos--;
                throw syntax("after object key:value pair");
            }
        }
    }

    /** Reads the elements of an array whose {@code [} is consumed, calling {@code element} for each. */
    final void readArray(Runnable element) {
        skipSpaces();
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            element.run();
            skipSpaces();
            int c = peek();
            pos++;
            if (c == ']') {
                return;
            }
            if (c != ',') {
                pos--;
                throw syntax("after array element");
            }
        }
    }

    /** A string literal at the cursor. */
    final String string() {
        pos++;
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            int c = next();
            if (c == '"') {
                return sb == null ? text.substring(start, pos - 1) : sb.append(text, start, pos - 1).toString();
            }
            if (c < 0x20) {
                pos--;
                throw syntax("in string literal");
            }
            if (c != '\\') {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(text, start, pos - 1);
            int e = next();
            switch (e) {
                case '"', '\\', '/' -> sb.append((char) e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> unicodeEscape(sb);
                default -> {
                    pos--;
                    throw syntax("in string escape code");
                }
            }
            start = pos;
        }
    }

    /** {@code \\uXXXX}, pairing surrogates like Go; a surrogate without its partner becomes U+FFFD. */
    private void unicodeEscape(StringBuilder sb) {
        int unit = hex4();
        if (Character.isHighSurrogate((char) unit) && text.startsWith("\\u", pos)) {
            int save = pos;
            pos += 2;
            int low = hex4();
            if (Character.isLowSurrogate((char) low)) {
                sb.append((char) unit).append((char) low);
                return;
            }
            pos = save;
        }
        sb.append(Character.isSurrogate((char) unit) ? '\uFFFD' : (char) unit);
    }

    private int hex4() {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int c = next();
            int d = c < 0x80 ? Character.digit(c, 16) : -1;
            if (d < 0) {
                pos--;
                throw syntax("in \\u hexadecimal character escape");
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** The text of a number literal at the cursor. */
    final String numberLiteral() {
        int start = pos;
        if (peek() == '-') {
            pos++;
            if (!isDigit(peek())) {
                throw syntax("in numeric literal");
            }
        }
        if (peek() == '0') {
            pos++;
        } else {
            digits();
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw syntax("after decimal point in numeric literal");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw syntax("in exponent of numeric literal");
            }
            digits();
        }
        return text.substring(start, pos);
    }

    static boolean isIntegralLiteral(String literal) {
        return literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0;
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    final void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (peek() != word.charAt(i)) {
                throw syntax("in literal " + word + " (expecting " + quoteChar(word.charAt(i)) + ")");
            }
            pos++;
        }
    }

    final void skipSpaces() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** The character at the cursor, or -1 at the end. */
    final int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private int next() {
        if (pos >= text.length()) {
            throw new JsonSyntaxException("unexpected end of JSON input", text.length());
        }
        return text.charAt(pos++);
    }

    /** Go's syntax error for the character at the cursor; at the end of the text, Go's end-of-input error. */
    final JsonSyntaxException syntax(String context) {
        if (pos >= text.length()) {
            return new JsonSyntaxException("unexpected end of JSON input", text.length());
        }
        return new JsonSyntaxException("invalid character " + quoteChar(firstByte(pos)) + " " + context, pos);
    }

    /** Go's scanner reports bytes; a non-ASCII character shows as the first byte of its UTF-8 form. */
    private int firstByte(int at) {
        char c = text.charAt(at);
        if (c < 0x80) {
            return c;
        }
        String cp = new String(Character.toChars(text.codePointAt(at)));
        return cp.getBytes(StandardCharsets.UTF_8)[0] & 0xFF;
    }

    /** Go's {@code quoteChar}: the byte in single quotes, escaped like {@code strconv.Quote} escapes it as a rune. */
    static String quoteChar(int b) {
        if (b == '\'') {
            return "'\\''";
        }
        if (b == '"') {
            return "'\"'";
        }
        String quoted = GoQuote.quote(String.valueOf((char) b));
        return "'" + quoted.substring(1, quoted.length() - 1) + "'";
    }
}
