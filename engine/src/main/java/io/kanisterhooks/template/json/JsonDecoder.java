package io.kanisterhooks.template.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A strict JSON reader producing the template value model. */
final class JsonDecoder {
    private final String text;
    private final GoJson.NumberMode mode;
    private int pos;

    JsonDecoder(String text, GoJson.NumberMode mode) {
        this.text = text;
        this.mode = mode;
    }

    Object decodeDocument() {
        Object v = value();
        skipSpaces();
        if (pos != text.length()) {
            throw error("unexpected data after top-level value");
        }
        return v;
    }

    private Object value() {
        skipSpaces();
        if (pos >= text.length()) {
            throw error("unexpected end of JSON input");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || c >= '0' && c <= '9') {
                    return number();
                }
                throw error("invalid character '" + c + "' looking for beginning of value");
        }
    }

    private Map<String, Object> object() {
        pos++;
        Map<String, Object> m = new LinkedHashMap<>();
        skipSpaces();
        if (peek() == '}') {
            pos++;
            return m;
        }
        while (true) {
            skipSpaces();
            if (peek() != '"') {
                throw error("expected object key");
            }
            String key = string();
            skipSpaces();
            expect(':');
            m.put(key, value());
            skipSpaces();
            char c = next();
            if (c == '}') {
                return m;
            }
            if (c != ',') {
                throw error("expected , or } in object");
            }
        }
    }

    private List<Object> array() {
        pos++;
        JsonList list = new JsonList();
        skipSpaces();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpaces();
            char c = next();
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                throw error("expected , or ] in array");
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null ? text.substring(start, pos) : sb.append(text, start, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(text, start, pos);
            pos++;
            char e = next();
            switch (e) {
                case '"': sb.append('"'); break;
                case '\\': sb.append('\\'); break;
                case '/': sb.append('/'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u':
                    sb.append(unicodeEscape());
                    break;
                default:
                    throw error("invalid escape \\" + e);
            }
            start = pos;
        }
    }

    /** A {@code \\uXXXX} escape; unpaired surrogates become U+FFFD as in Go. */
    private String unicodeEscape() {
        int hi = hex4();
        if (Character.isHighSurrogate((char) hi)) {
            if (text.startsWith("\\u", pos)) {
                int save = pos;
                pos += 2;
                int lo = hex4();
                if (Character.isLowSurrogate((char) lo)) {
                    return new String(new char[] {(char) hi, (char) lo});
                }
                pos = save;
            }
            return "\uFFFD";
        }
        if (Character.isLowSurrogate((char) hi)) {
            return "\uFFFD";
        }
        return String.valueOf((char) hi);
    }

    private int hex4() {
        if (pos + 4 > text.length()) {
            throw error("short unicode escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
                throw error("invalid unicode escape");
            }
            v = v << 4 | d;
        }
        pos += 4;
        return v;
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        boolean integral = true;
        digits();
        if (pos < text.length() && text.charAt(pos) == '.') {
            integral = false;
            pos++;
            digits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            integral = false;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            digits();
        }
        String literal = text.substring(start, pos);
        if (integral && mode == GoJson.NumberMode.INT64) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException tooBig) {
                // falls through to float64, as Kubernetes' decoder does
            }
        }
        double d = Double.parseDouble(literal);
        if (Double.isInfinite(d)) {
            throw error("number " + literal + " out of range");
        }
        return d;
    }

    private void digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (start == pos) {
            throw error("digit expected");
        }
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("invalid literal");
        }
        pos += word.length();
    }

    private void skipSpaces() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= text.length()) {
            throw error("unexpected end of JSON input");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("JSON: " + what + " at offset " + pos);
    }
}
