package io.kanisterhooks.kube.patch;

import io.kanisterhooks.golang.json.GoJson;
import io.kanisterhooks.golang.value.GoKind;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.StructField;
import io.kanisterhooks.yaml.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What survives Kanister's last step, decoding the merged document into the typed {@code corev1.PodSpec}: fields the
 * type does not have are dropped (Go's JSON decoding ignores them, leftover {@code $patch} directives included), field
 * names matched case-insensitively take their proper spelling, and null fields are left out. Value types are not
 * checked. The dropped fields are reported so that callers can warn about them.
 */
public final class KnownFields {

    /**
     * The pruned document, the paths of the fields that were dropped (e.g. {@code containers[0].imagePolicy}) and, for
     * those with one, the closest field the type has ({@code imagePullPolicy}).
     */
    public record Result(Map<String, Object> value, List<String> dropped, Map<String, String> closest) {
    }

    private KnownFields() {
    }

    public static Result prune(Map<?, ?> document, PatchSchema schema) {
        List<String> dropped = new ArrayList<>();
        Map<String, String> closest = new LinkedHashMap<>();
        Object pruned = prune(JsonValues.copyMap(document), schema.type(), "", new Dropped(dropped, closest));
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) pruned;
        return new Result(map, List.copyOf(dropped), Map.copyOf(closest));
    }

    /** Where dropped fields are collected. */
    private record Dropped(List<String> paths, Map<String, String> closest) {

        void add(String path, String key, GoType struct) {
            paths.add(path);
            List<String> names = struct.fields().stream().filter(StructField::exported)
                    .map(f -> f.json().name().isEmpty() ? f.name() : f.json().name())
                    .filter(n -> !n.equals("-")).toList();
            Suggestions.closest(key, names).ifPresent(s -> closest.put(path, s));
        }
    }

    private static Object prune(Object value, GoType type, String path, Dropped dropped) {
        GoType t = type.kind() == GoKind.POINTER ? type.elem() : type;
        if (value instanceof Map<?, ?> map && t.kind() == GoKind.STRUCT) {
            return pruneStruct(map, t, path, dropped);
        }
        if (value instanceof Map<?, ?> map && t.kind() == GoKind.MAP) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, prune(v, t.elem(), path + "[" + k + "]", dropped)));
            return out;
        }
        if (value instanceof List<?> list && t.kind() == GoKind.SLICE) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(prune(list.get(i), t.elem(), path + "[" + i + "]", dropped));
            }
            return out;
        }
        return value;
    }

    private static Map<String, Object> pruneStruct(Map<?, ?> map, GoType struct, String path, Dropped dropped) {
        Map<String, Object> out = new LinkedHashMap<>();
        // Types with their own JSON form (quantities, times) have no fields here and are kept whole.
        if (struct.fields().isEmpty()) {
            map.forEach((k, v) -> out.put((String) k, v));
            return out;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = (String) e.getKey();
            String child = path.isEmpty() ? key : path + "." + key;
            GoJson.Field field = GoJson.fieldForKey(struct, key);
            if (field == null) {
                dropped.add(child, key, struct);
            } else if (e.getValue() != null) {
                out.put(field.name(), prune(e.getValue(), field.field().type(), child, dropped));
            }
        }
        return out;
    }
}
