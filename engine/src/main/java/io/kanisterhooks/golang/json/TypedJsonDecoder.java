package io.kanisterhooks.golang.json;

import io.kanisterhooks.golang.encoding.GoBase64;
import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.golang.value.GoInt;
import io.kanisterhooks.golang.value.GoKind;
import io.kanisterhooks.golang.value.GoMap;
import io.kanisterhooks.golang.value.GoNamed;
import io.kanisterhooks.golang.value.GoPointer;
import io.kanisterhooks.golang.value.GoSlice;
import io.kanisterhooks.golang.value.GoStruct;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.StructField;
import io.kanisterhooks.golang.value.Values;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code json.Unmarshal} into typed values of the template value model. */
final class TypedJsonDecoder extends JsonScanner {
    /** Returned for JSON {@code null} into a non-nillable type: Go leaves the value as it was. */
    private static final Object UNCHANGED = new Object();

    private final GoJson.NumberMode mode;

    TypedJsonDecoder(String text, GoJson.NumberMode mode) {
        super(text);
        this.mode = mode;
    }

    /**
     * Decodes the whole text into a value of {@code type}: a {@link JsonSyntaxException} if the text is not one JSON
     * value, else a {@link GoError} for the first value that does not fit its Go type (Go's first pass checks the
     * syntax of the whole input, so a syntax error anywhere wins over a type error).
     */
    Object decodeDocument(GoType type) {
        checkValid();
        Object v = value(type, (FieldPath) null);
        return v == UNCHANGED ? Values.zero(type) : v;
    }

    /**
     * @param field where the value goes, for error texts: the innermost struct's name and the JSON path
     *     ({@code ObjectMeta.metadata.name}), or {@code null} outside structs
     */
    private Object value(GoType type, FieldPath field) {
        skipSpaces();
        if (type.isEmptyInterface()) {
            int start = pos;
            skipValue();
            return new JsonDecoder(text.substring(start, pos), mode).decodeDocument();
        }
        int c = peek();
        if (c == 'n') {
            literal("null");
            return type.kind().isNillable() ? Values.zero(type) : UNCHANGED;
        }
        switch (type.kind()) {
            case BOOL:
                if (c == 't' || c == 'f') {
                    boolean b = c == 't';
                    literal(b ? "true" : "false");
                    return type == GoType.BOOL ? (Object) b : GoNamed.of(type, b);
                }
                break;
            case STRING:
                if (c == '"') {
                    String s = string();
                    return type == GoType.STRING ? s : GoNamed.of(type, s);
                }
                break;
            case POINTER: {
                Object target = value(type.elem(), field);
                return GoPointer.to(type, target == UNCHANGED ? Values.zero(type.elem()) : target);
            }
            case SLICE:
            case ARRAY:
                if (c == '"' && type.elem().kind() == GoKind.UINT8 && type.kind() == GoKind.SLICE) {
                    return base64(string(), type);
                }
                if (c == '[') {
                    return array(type, field);
                }
                break;
            case MAP:
                if (c == '{') {
                    return map(type, field);
                }
                break;
            case STRUCT:
                if (c == '{') {
                    return struct(type, field);
                }
                break;
            default:
                if (c == '-' || c >= '0' && c <= '9') {
                    return number(numberLiteral(), type, field);
                }
                break;
        }
        String what = c == '"' ? "string" : c == '{' ? "object" : c == '[' ? "array"
                : c == 't' || c == 'f' ? "bool" : "number";
        skipValue();
        throw mismatch(what, type, field);
    }

    private static GoError mismatch(String what, GoType type, FieldPath field) {
        return new GoError("json: cannot unmarshal " + what + " into Go "
                + (field == null ? "value" : "struct field " + field) + " of type " + type);
    }

    /** Where a value is decoded: the struct holding the field and the JSON keys leading to it. */
    private static final class FieldPath {
        final String struct;
        final String path;

        FieldPath(String struct, String path) {
            this.struct = struct;
            this.path = path;
        }

        FieldPath child(GoType structType, String key) {
            return new FieldPath(shortName(structType), path == null ? key : path + "." + key);
        }

        @Override
        public String toString() {
            return struct + "." + path;
        }
    }

    private Object base64(String s, GoType type) {
        byte[] b = GoBase64.decodeStd(s);
        return type == GoType.BYTES ? b : GoSlice.of(type, toList(b));
    }

    private static List<Object> toList(byte[] b) {
        List<Object> l = new ArrayList<>(b.length);
        for (byte x : b) {
            l.add(GoInt.ofUint8(x));
        }
        return l;
    }

    private Object number(String literal, GoType type, FieldPath field) {
        GoKind k = type.kind();
        if (k.isFloat() || k.isComplex()) {
            double d = Double.parseDouble(literal);
            if (Double.isInfinite(d) || k == GoKind.FLOAT32 && Float.isInfinite((float) d)) {
                throw mismatch("number " + literal, type, field);
            }
            if (k.isComplex()) {
                throw mismatch("number", type, field);
            }
            return type == GoType.FLOAT64 ? (Object) d : GoNamed.of(type, k == GoKind.FLOAT32 ? (float) d : d);
        }
        if (!isIntegralLiteral(literal)) {
            throw mismatch("number " + literal, type, field);
        }
        BigInteger v = new BigInteger(literal);
        int bits = k.bits();
        boolean fits = k.isUnsignedInteger()
                ? v.signum() >= 0 && v.bitLength() <= bits
                : v.bitLength() <= bits - 1;
        if (!fits) {
            throw mismatch("number " + literal, type, field);
        }
        return GoInt.of(type, v.longValue());
    }

    private Object array(GoType type, FieldPath field) {
        pos++;
        List<Object> out = type == GoType.SLICE_OF_INTERFACE ? new JsonList() : new ArrayList<>();
        readArray(() -> {
            Object e = value(type.elem(), field);
            out.add(e == UNCHANGED ? Values.zero(type.elem()) : e);
        });
        if (type.kind() == GoKind.ARRAY) {
            while (out.size() < type.length()) {
                out.add(Values.zero(type.elem()));
            }
            return GoSlice.of(type, out.subList(0, type.length()));
        }
        if (type.elem().kind() == GoKind.UINT8 && !type.isNamed()) {
            byte[] b = new byte[out.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) ((GoInt) out.get(i)).longValue();
            }
            return b;
        }
        return type == GoType.SLICE_OF_INTERFACE ? out : GoSlice.of(type, out);
    }

    private Object map(GoType type, FieldPath field) {
        if (type.key().kind() != GoKind.STRING) {
            throw mismatch("object", type, field);
        }
        pos++;
        Map<String, Object> out = new LinkedHashMap<>();
        readObject(key -> {
            Object v = value(type.elem(), field);
            out.put(key, v == UNCHANGED ? Values.zero(type.elem()) : v);
        });
        return type == GoType.MAP_OF_INTERFACE ? out : GoMap.of(type, out);
    }

    private Object struct(GoType type, FieldPath field) {
        pos++;
        GoStruct s = GoStruct.zero(type);
        readObject(key -> {
            JsonFields.Field found = JsonFields.find(type, key);
            if (found == null) {
                skipValue();
                return;
            }
            int[] path = found.path;
            StructField f = type.fieldAt(path);
            FieldPath where = field == null ? new FieldPath(shortName(type), found.name)
                    : field.child(type, found.name);
            Object v = f.json().asString() ? quotedScalar(f.type(), where) : value(f.type(), where);
            if (v != UNCHANGED) {
                setPath(s, path, v);
            }
        });
        return s;
    }

    /** The {@code ,string} option: a scalar encoded inside a JSON string. */
    private Object quotedScalar(GoType type, FieldPath where) {
        skipSpaces();
        if (peek() != '"') {
            return value(type, where);
        }
        String inner = string();
        TypedJsonDecoder d = new TypedJsonDecoder(inner, mode);
        if (type.kind() != GoKind.STRING) {
            d.checkValid();
        }
        return d.value(type, where);
    }

    private static String shortName(GoType type) {
        String n = type.name();
        return n.substring(n.lastIndexOf('.') + 1);
    }

    /** Sets a possibly promoted field, allocating nil embedded pointers on the way as Go does. */
    private static void setPath(GoStruct s, int[] path, Object v) {
        GoStruct current = s;
        for (int i = 0; i < path.length - 1; i++) {
            Object next = current.field(path[i]);
            if (next instanceof GoPointer) {
                GoPointer p = (GoPointer) next;
                if (p.isNil()) {
                    p = GoPointer.to(p.goType(), GoStruct.zero(p.goType().elem()));
                    current.set(path[i], p);
                }
                next = p.target();
            }
            current = (GoStruct) next;
        }
        current.set(path[path.length - 1], v);
    }
}
