package io.kanisterhooks.golang.json;

import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.golang.strconv.FloatFormat;
import io.kanisterhooks.golang.strings.GoStrings;
import io.kanisterhooks.golang.value.GoInt;
import io.kanisterhooks.golang.value.GoKind;
import io.kanisterhooks.golang.value.GoMethod;
import io.kanisterhooks.golang.value.GoNamed;
import io.kanisterhooks.golang.value.GoPointer;
import io.kanisterhooks.golang.value.GoStruct;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.GoValue;
import io.kanisterhooks.golang.value.Values;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** One {@code json.Marshal} run (HTML escaping on, as Marshal always does). */
final class JsonEncoder {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int MAX_DEPTH = 1000;

    private final StringBuilder sb;
    private int depth;

    JsonEncoder(StringBuilder sb) {
        this.sb = sb;
    }

    void encode(Object v) {
        if (++depth > MAX_DEPTH) {
            throw new GoError("json: unsupported value: encountered a cycle via " + Values.typeName(v));
        }
        try {
            encodeValue(v);
        } finally {
            depth--;
        }
    }

    private void encodeValue(Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String) {
            appendString(sb, (String) v);
        } else if (v instanceof Long) {
            sb.append((long) (Long) v);
        } else if (v instanceof Boolean) {
            sb.append((boolean) (Boolean) v);
        } else if (v instanceof Double) {
            appendFloat((Double) v, 64);
        } else if (v instanceof Map) {
            encodeMap(Values.entries(v));
        } else if (v instanceof List) {
            encodeList(Values.elements(v));
        } else if (v instanceof byte[]) {
            sb.append('"').append(Base64.getEncoder().encodeToString((byte[]) v)).append('"');
        } else {
            encodeGoValue((GoValue) v);
        }
    }

    private void encodeGoValue(GoValue v) {
        GoType t = v.goType();
        if (t.hasMethods()) {
            GoMethod m = t.method("MarshalJSON");
            if (m != null) {
                encodeMarshaler(v, t, m);
                return;
            }
        }
        if (v instanceof GoInt) {
            sb.append(v.toString());
            return;
        }
        if (v instanceof GoNamed) {
            Object u = ((GoNamed) v).value();
            if (u instanceof Double) {
                appendFloat((Double) u, t.kind() == GoKind.FLOAT32 ? 32 : 64);
            } else {
                encodeValue(u);
            }
            return;
        }
        if (v instanceof GoPointer) {
            GoPointer p = (GoPointer) v;
            if (p.isNil()) {
                sb.append("null");
            } else {
                encode(p.target());
            }
            return;
        }
        if (v instanceof GoStruct) {
            encodeStruct((GoStruct) v);
            return;
        }
        switch (t.kind()) {
            case SLICE:
            case ARRAY:
                if (Values.isNil(v)) {
                    sb.append("null");
                } else if (t.elem().kind() == GoKind.UINT8 && !t.elem().hasMethods()) {
                    encodeBytes(Values.elements(v));
                } else {
                    encodeList(Values.elements(v));
                }
                return;
            case MAP:
                if (Values.isNil(v)) {
                    sb.append("null");
                } else {
                    encodeMap(Values.entries(v));
                }
                return;
            case STRUCT:
                sb.append("{}");
                return;
            default:
                throw new GoError("json: unsupported type: " + t.name());
        }
    }

    private void encodeMarshaler(GoValue v, GoType t, GoMethod m) {
        if (v instanceof GoPointer && ((GoPointer) v).isNil()) {
            sb.append("null");
            return;
        }
        Object out;
        try {
            out = m.invoke(v instanceof GoPointer ? ((GoPointer) v).target() : v);
        } catch (GoError e) {
            throw new GoError("json: error calling MarshalJSON for type " + t.name() + ": " + e.getMessage(), e);
        }
        String text = out instanceof byte[] ? GoStrings.fromUtf8((byte[]) out) : String.valueOf(out);
        compactInto(text);
    }

    /** Go compacts a marshaler's output and applies the HTML escaping to it. */
    private void compactInto(String text) {
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\' && i + 1 < text.length()) {
                    sb.append(c).append(text.charAt(++i));
                    continue;
                }
                if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c == '<' || c == '>' || c == '&') {
                sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else if (c == '\u2028' || c == '\u2029') {
                sb.append(c == '\u2028' ? "\\u2028" : "\\u2029");
            } else {
                sb.append(c);
            }
        }
    }

    private void encodeBytes(List<Object> elements) {
        byte[] b = new byte[elements.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ((Number) elements.get(i)).longValue();
        }
        sb.append('"').append(Base64.getEncoder().encodeToString(b)).append('"');
    }

    private void encodeList(List<Object> elements) {
        sb.append('[');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            encode(elements.get(i));
        }
        sb.append(']');
    }

    private void encodeMap(Map<String, Object> entries) {
        List<String> keys = new ArrayList<>(entries.keySet());
        keys.sort(GoStrings.ORDER);
        sb.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendString(sb, keys.get(i));
            sb.append(':');
            encode(entries.get(keys.get(i)));
        }
        sb.append('}');
    }

    private void encodeStruct(GoStruct s) {
        sb.append('{');
        boolean first = true;
        for (JsonFields.Field f : JsonFields.of(s.goType())) {
            Object value;
            try {
                value = s.fieldByPath(f.path);
            } catch (GoError nilEmbedded) {
                continue;
            }
            if (f.omitEmpty && isEmpty(value)) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            appendString(sb, f.name);
            sb.append(':');
            if (f.asString && isQuotable(value)) {
                StringBuilder inner = new StringBuilder();
                new JsonEncoder(inner).encode(value);
                if (value instanceof String || value instanceof GoNamed && ((GoNamed) value).value() instanceof String) {
                    appendString(sb, inner.toString());
                } else {
                    sb.append('"').append(inner).append('"');
                }
            } else {
                encode(value);
            }
        }
        sb.append('}');
    }

    private static boolean isQuotable(Object v) {
        GoKind k = Values.kindOf(v);
        return k == GoKind.BOOL || k == GoKind.STRING || k.isInteger() || k.isFloat();
    }

    /** encoding/json's isEmptyValue for {@code omitempty}. */
    private static boolean isEmpty(Object v) {
        if (v == null) {
            return true;
        }
        GoKind k = Values.kindOf(v);
        switch (k) {
            case ARRAY: case MAP: case SLICE: case STRING:
                return Values.len(v) == 0;
            case BOOL:
                return !(v instanceof Boolean ? (Boolean) v : (Boolean) ((GoNamed) v).value());
            case POINTER: case INTERFACE:
                return Values.isNil(v);
            case FLOAT32: case FLOAT64:
                return (v instanceof Double ? (Double) v : (Double) ((GoNamed) v).value()) == 0;
            default:
                if (k.isInteger()) {
                    return ((Number) v).longValue() == 0;
                }
                return false;
        }
    }

    private void appendFloat(double f, int bits) {
        if (Double.isNaN(f) || Double.isInfinite(f)) {
            throw new GoError("json: unsupported value: " + FloatFormat.format(f, 'g', -1, bits));
        }
        double abs = Math.abs(f);
        char fmt = 'f';
        if (abs != 0) {
            if (bits == 64 && (abs < 1e-6 || abs >= 1e21)
                    || bits == 32 && ((float) abs < 1e-6f || (float) abs >= 1e21f)) {
                fmt = 'e';
            }
        }
        int start = sb.length();
        FloatFormat.append(sb, f, fmt, -1, bits);
        if (fmt == 'e') {
            int n = sb.length() - start;
            if (n >= 4 && sb.charAt(sb.length() - 4) == 'e' && sb.charAt(sb.length() - 3) == '-'
                    && sb.charAt(sb.length() - 2) == '0') {
                sb.deleteCharAt(sb.length() - 2);
            }
        }
    }

    /** encoding/json's string encoding with HTML escaping. */
    static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String esc = null;
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&') {
                    continue;
                }
                switch (c) {
                    case '"': esc = "\\\""; break;
                    case '\\': esc = "\\\\"; break;
                    case '\b': esc = "\\b"; break;
                    case '\f': esc = "\\f"; break;
                    case '\n': esc = "\\n"; break;
                    case '\r': esc = "\\r"; break;
                    case '\t': esc = "\\t"; break;
                    default:
                        esc = "\\u00" + HEX[c >> 4] + HEX[c & 0xF];
                        break;
                }
            } else if (c == '\u2028') {
                esc = "\\u2028";
            } else if (c == '\u2029') {
                esc = "\\u2029";
            } else if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1));
                if (paired) {
                    i++;
                    continue;
                }
                esc = "\\ufffd";
            } else {
                continue;
            }
            sb.append(s, start, i).append(esc);
            start = i + 1;
        }
        sb.append(s, start, s.length()).append('"');
    }

}
