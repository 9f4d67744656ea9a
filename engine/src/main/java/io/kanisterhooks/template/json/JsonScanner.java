package io.kanisterhooks.template.json;

/** Lexical reading of JSON text shared by the generic and the typed decoder. */
abstract class JsonScanner {
    final String text;
    int pos;

    JsonScanner(String text) {
        this.text = text;
    }

    final void expectEnd() {
        skipSpaces();
        if (pos != text.length()) {
            throw error("unexpected data after top-level value");
        }
    }

    /** A string literal at the cursor. */
    final String string() {
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

    /** The text of a number literal at the cursor. */
    final String numberLiteral() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        digits();
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            digits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            digits();
        }
        return text.substring(start, pos);
    }

    static boolean isIntegralLiteral(String literal) {
        return literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0;
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
            if (peek() != '"') {
                throw error("expected object key");
            }
            String key = string();
            skipSpaces();
            expect(':');
            member.read(key);
            skipSpaces();
            char c = next();
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw error("expected , or } in object");
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
            char c = next();
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw error("expected , or ] in array");
            }
        }
    }

    /** Skips any value at the cursor. */
    final void skipValue() {
        skipSpaces();
        char c = peek();
        if (c == '"') {
            string();
        } else if (c == '{' || c == '[') {
            char close = c == '{' ? '}' : ']';
            pos++;
            skipSpaces();
            if (peek() == close) {
                pos++;
                return;
            }
            while (true) {
                if (c == '{') {
                    skipSpaces();
                    string();
                    skipSpaces();
                    expect(':');
                }
                skipValue();
                skipSpaces();
                char n = next();
                if (n == close) {
                    return;
                }
                if (n != ',') {
                    throw error("expected , or " + close);
                }
            }
        } else if (c == 't') {
            literal("true");
        } else if (c == 'f') {
            literal("false");
        } else if (c == 'n') {
            literal("null");
        } else if (c == '-' || c >= '0' && c <= '9') {
            numberLiteral();
        } else {
            throw error("invalid character '" + c + "' looking for beginning of value");
        }
    }

    final void digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (start == pos) {
            throw error("digit expected");
        }
    }

    final void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("invalid literal");
        }
        pos += word.length();
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

    final char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    final char next() {
        if (pos >= text.length()) {
            throw error("unexpected end of JSON input");
        }
        return text.charAt(pos++);
    }

    final void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    final IllegalArgumentException error(String what) {
        return new IllegalArgumentException("JSON: " + what + " at offset " + pos);
    }
}
