package io.kanisterhooks.output;

import io.kanisterhooks.kube.patch.GoFold;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Decodes a phase output payload the way Go's {@code json.Unmarshal} fills Kanister's {@code Output{Key, Value string}}:
 * the whole text must be one valid JSON value (Go's syntax error texts), a top-level {@code null} leaves both fields
 * empty, object members are matched to {@code key}/{@code value} exactly or case-insensitively, unknown members and
 * {@code null} members are ignored, and a member of another type than string is an error.
 */
final class OutputJson {

    /** Go's encoding/json nesting limit. */
    private static final int MAX_DEPTH = 10000;
    private static final String STRUCT = "Output";
    private static final String GO_TYPE = "output.Output";

    private final String text;
    private int pos;
    private String key = "";
    private String value = "";
    private String typeError;

    private OutputJson(String text) {
        this.text = text;
    }

    /** A key/value pair decoded from one payload. */
    record KeyValue(String key, String value) {
    }

    /** Thrown with Go's error text. */
    static final class JsonException extends Exception {
        JsonException(String message) {
            super(message);
        }
    }

    static KeyValue decode(String payload) throws JsonException {
        OutputJson json = new OutputJson(payload);
        json.document();
        return new KeyValue(json.key, json.value);
    }

    private void document() throws JsonException {
        skipSpace();
        if (peek() == '{') {
            object();
        } else {
            String kind = skipValue(0);
            if (!kind.equals("null")) {
                typeError = "json: cannot unmarshal " + kind + " into Go value of type " + GO_TYPE;
            }
        }
        skipSpace();
        if (pos < text.length()) {
            throw syntax("after top-level value");
        }
        if (typeError != null) {
            throw new JsonException(typeError);
        }
    }

    private void object() throws JsonException {
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            if (peek() != '"') {
                throw syntax("looking for beginning of object key string");
            }
            String member = string();
            skipSpace();
            if (peek() != ':') {
                throw syntax("after object key");
            }
            pos++;
            skipSpace();
            member(member);
            skipSpace();
            int c = peek();
            if (c == ',') {
                pos++;
                skipSpace();
            } else if (c == '}') {
                pos++;
                return;
            } else {
                throw syntax("after object key:value pair");
            }
        }
    }

    private void member(String name) throws JsonException {
        String field = field(name);
        if (peek() == '"') {
            String s = string();
            if ("key".equals(field)) {
                key = s;
            } else if ("value".equals(field)) {
                value = s;
            }
            return;
        }
        String kind = skipValue(1);
        if (field != null && !kind.equals("null") && typeError == null) {
            typeError = "json: cannot unmarshal " + kind + " into Go struct field " + STRUCT + "." + field
                    + " of type string";
        }
    }

    /** The struct field a member name selects: exact match first, then Go's case folding. */
    private static String field(String name) {
        if (name.equals("key") || name.equals("value")) {
            return name;
        }
        if (GoFold.equalFold(name, "key")) {
            return "key";
        }
        return GoFold.equalFold(name, "value") ? "value" : null;
    }

    /** Validates one value without keeping it; returns its JSON kind as Go names it in type errors. */
    private String skipValue(int depth) throws JsonException {
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

    /** Consumes a scalar, or the opening of a container (pushing its closer and, for objects, the first key). */
    private String scalarOrOpen(int c, Deque<Character> open, int depth) throws JsonException {
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
                    number();
                    return "number";
                }
                throw syntax("looking for beginning of value");
            }
        }
    }

    /** After an opening bracket: closes it at once when empty, else positions at the first element. */
    private boolean closedAtOnce(Deque<Character> open) throws JsonException {
        skipSpace();
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
    private boolean afterValue(Deque<Character> open) throws JsonException {
        while (!open.isEmpty()) {
            skipSpace();
            char closer = open.peek();
            int c = peek();
            if (c == ',') {
                pos++;
                skipSpace();
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

    private void objectKey() throws JsonException {
        if (peek() != '"') {
            throw syntax("looking for beginning of object key string");
        }
        string();
        skipSpace();
        if (peek() != ':') {
            throw syntax("after object key");
        }
        pos++;
        skipSpace();
    }

    private String string() throws JsonException {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = next();
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                pos--;
                throw syntax("in string literal");
            }
            if (c != '\\') {
                sb.append((char) c);
                continue;
            }
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
        }
    }

    /** {@code \\uXXXX}, pairing surrogates like Go; a surrogate without its partner becomes U+FFFD. */
    private void unicodeEscape(StringBuilder sb) throws JsonException {
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

    private int hex4() throws JsonException {
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

    private void number() throws JsonException {
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
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) throws JsonException {
        for (int i = 0; i < word.length(); i++) {
            if (peek() != word.charAt(i)) {
                throw syntax("in literal " + word + " (expecting " + quoteChar(word.charAt(i)) + ")");
            }
            pos++;
        }
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** The character at the current position, or -1 at the end. */
    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private int next() throws JsonException {
        if (pos >= text.length()) {
            throw new JsonException("unexpected end of JSON input");
        }
        return text.charAt(pos++);
    }

    private JsonException syntax(String context) {
        if (pos >= text.length()) {
            return new JsonException("unexpected end of JSON input");
        }
        return new JsonException("invalid character " + quoteChar(firstByte(pos)) + " " + context);
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

    /** Go's {@code quoteChar}: the byte in single quotes, escaped like {@code strconv.Quote}. */
    static String quoteChar(int b) {
        if (b == '\'') {
            return "'\\''";
        }
        if (b == '"') {
            return "'\"'";
        }
        String escaped = switch (b) {
            case 0x07 -> "\\a";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 0x0B -> "\\v";
            case '\\' -> "\\\\";
            default -> {
                if (b < 0x20 || b == 0x7F) {
                    yield String.format("\\x%02x", b);
                }
                // Latin-1 controls, no-break space and soft hyphen are not printable for strconv.
                if ((b >= 0x80 && b < 0xA0) || b == 0xA0 || b == 0xAD) {
                    yield String.format("\\u%04x", b);
                }
                yield String.valueOf((char) b);
            }
        };
        return "'" + escaped + "'";
    }
}
