package io.kanisterhooks.params;

import io.kanisterhooks.golang.json.UntypedValues;
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

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Go's {@code encoding/json.Unmarshal} from already parsed JSON (maps, lists, strings, Long/Double, booleans, null)
 * into a value of a given Go type: struct fields by JSON tag name or Go field name (exact match first, then
 * case-insensitive, as Go does), inline embedded structs, {@code []byte} from base64, pointers, named types.
 * {@code interface{}} values are kept as parsed, so their number typing is the caller's (Kubernetes' int64 rule).
 * Unknown keys are ignored, as in Go.
 */
final class JsonToGo {

    private static final Map<GoType, Map<String, List<String>>> FIELDS_BY_TYPE = new ConcurrentHashMap<>();

    private JsonToGo() {
    }

    static Object decode(Object json, GoType type) {
        if (type.isEmptyInterface()) {
            return json;
        }
        if (json == null) {
            return Values.zero(type);
        }
        if (type == KubeTypes.TIME) {
            return KubeTime.of(expect(json, String.class, type));
        }
        switch (type.kind()) {
            case STRING:
                return type == GoType.STRING ? expect(json, String.class, type) : GoNamed.of(type,
                        expect(json, String.class, type));
            case BOOL:
                return type == GoType.BOOL ? expect(json, Boolean.class, type) : GoNamed.of(type,
                        expect(json, Boolean.class, type));
            case FLOAT64:
                return ((Number) expect(json, Number.class, type)).doubleValue();
            case POINTER:
                return GoPointer.to(type, decode(json, type.elem()));
            case SLICE:
                return slice(json, type);
            case MAP:
                return map(json, type);
            case STRUCT:
                return struct(json, type);
            default:
                if (type.kind().isInteger() && json instanceof Long) {
                    return type == GoType.INT64 ? json : GoInt.of(type, (Long) json);
                }
                throw mismatch(json, type);
        }
    }

    private static Object slice(Object json, GoType type) {
        if (type == GoType.BYTES) {
            try {
                return Base64.getDecoder().decode(expect(json, String.class, type));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("illegal base64 data in JSON for " + type, e);
            }
        }
        List<Object> elements = new ArrayList<>();
        for (Object element : expect(json, List.class, type)) {
            elements.add(decode(element, type.elem()));
        }
        return type == GoType.SLICE_OF_INTERFACE ? elements : GoSlice.of(type, elements);
    }

    private static Object map(Object json, GoType type) {
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) expect(json, Map.class, type)).entrySet()) {
            entries.put((String) e.getKey(), decode(e.getValue(), type.elem()));
        }
        return type == GoType.MAP_OF_INTERFACE ? entries : GoMap.of(type, entries);
    }

    private static GoStruct struct(Object json, GoType type) {
        GoStruct value = GoStruct.zero(type);
        Map<String, List<String>> fields = jsonFields(type);
        for (Map.Entry<?, ?> e : ((Map<?, ?>) expect(json, Map.class, type)).entrySet()) {
            List<String> path = fields.get((String) e.getKey());
            if (path == null) {
                path = fields.get(foldKey((String) e.getKey()));
            }
            if (path != null) {
                set(value, path, e.getValue());
            }
        }
        return value;
    }

    /** Sets a possibly promoted field: the path runs through embedded structs, which the zero value already holds. */
    private static void set(GoStruct value, List<String> path, Object json) {
        GoStruct target = value;
        for (String embedded : path.subList(0, path.size() - 1)) {
            target = (GoStruct) target.field(embedded);
        }
        String name = path.get(path.size() - 1);
        target.set(name, decode(json, fieldType(target.goType(), name)));
    }

    private static GoType fieldType(GoType struct, String name) {
        for (StructField f : struct.fields()) {
            if (f.name().equals(name)) {
                return f.type();
            }
        }
        throw new IllegalStateException(struct + " has no field " + name);
    }

    /**
     * JSON key to field path, for exact keys and (prefixed by NUL) case-folded keys. Embedded structs without a tag
     * name are inlined, as encoding/json does; the shallower field wins, which is all Go's dominance rules need here.
     */
    private static Map<String, List<String>> jsonFields(GoType type) {
        return FIELDS_BY_TYPE.computeIfAbsent(type, t -> {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            collect(t, List.of(), fields);
            Map<String, List<String>> withFolded = new LinkedHashMap<>(fields);
            fields.forEach((key, path) -> withFolded.putIfAbsent(foldKey(key), path));
            return withFolded;
        });
    }

    private static void collect(GoType type, List<String> prefix, Map<String, List<String>> fields) {
        List<GoType> inlined = new ArrayList<>();
        List<List<String>> inlinedPaths = new ArrayList<>();
        for (StructField f : type.fields()) {
            if (!f.exported() || f.json().skip()) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(f.name());
            if (f.embedded() && f.json().name().isEmpty() && f.type().kind() == GoKind.STRUCT) {
                inlined.add(f.type());
                inlinedPaths.add(path);
                continue;
            }
            fields.putIfAbsent(f.json().name().isEmpty() ? f.name() : f.json().name(), List.copyOf(path));
        }
        for (int i = 0; i < inlined.size(); i++) {
            collect(inlined.get(i), inlinedPaths.get(i), fields);
        }
    }

    private static String foldKey(String key) {
        return "\0" + key.toLowerCase(Locale.ROOT);
    }

    private static <T> T expect(Object json, Class<T> javaType, GoType goType) {
        if (!javaType.isInstance(json)) {
            throw mismatch(json, goType);
        }
        return javaType.cast(json);
    }

    private static IllegalArgumentException mismatch(Object json, GoType type) {
        return new IllegalArgumentException("json: cannot unmarshal " + UntypedValues.jsonKindName(json)
                + " into Go value of type " + type.name());
    }
}
