package io.kanisterhooks.golang.json;

import io.kanisterhooks.golang.errors.GoError;
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

    /** Decodes the whole text, which must be one JSON value ({@link JsonSyntaxException} with Go's text if not). */
    Object decodeDocument() {
        checkValid();
        return value();
    }

    private Object value() {
        skipSpaces();
        int c = peek();
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
                return number();
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
            throw new GoError("json: cannot unmarshal number " + literal + " into Go value of type float64");
        }
        return d;
    }
}
