package io.kanisterhooks.template.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A strict JSON reader producing the untyped template value model. */
final class JsonDecoder extends JsonScanner {
    private final GoJson.NumberMode mode;

    JsonDecoder(String text, GoJson.NumberMode mode) {
        super(text);
        this.mode = mode;
    }

    Object decodeDocument() {
        Object v = value();
        expectEnd();
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
        readObject(key -> m.put(key, value()));
        return m;
    }

    private List<Object> array() {
        pos++;
        JsonList list = new JsonList();
        readArray(() -> list.add(value()));
        return list;
    }

    private Object number() {
        String literal = numberLiteral();
        if (isIntegralLiteral(literal) && mode == GoJson.NumberMode.INT64) {
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
}
