package io.kanisterhooks.kube.patch;

import io.kanisterhooks.golang.json.UntypedValues;
import io.kanisterhooks.golang.value.SliceHeader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Kubernetes strategic merge patch as apimachinery applies it ({@code strategicpatch.StrategicMergePatch}, server-side
 * options: parallel lists merged, unmatched nulls ignored). Maps merge recursively and {@code null} deletes a key;
 * lists replace unless their field is tagged {@code patchStrategy: merge}, in which case map elements merge by the
 * field's {@code patchMergeKey} and primitive elements are unioned. The directives {@code $patch},
 * {@code $retainKeys}, {@code $setElementOrder/<field>} and {@code $deleteFromPrimitiveList/<field>} are honoured.
 *
 * <p>Known consequence of following apimachinery exactly: the {@code retainKeys} strategy of {@code volumes} does nothing
 * unless the patch itself carries a {@code $retainKeys} list, so patching a volume with another source type keeps both
 * sources.
 *
 * <p>The order of a merged list follows Go's slices: apimachinery deletes ({@code $patch: delete}), appends and removes
 * duplicates in the original list's own array, and orders against the original as those writes left it (see
 * {@link ElementOrder}). That is deterministic for JSON documents: whether an append writes into the original's array
 * depends on its capacity, which a decoded list's length fixes ({@link SliceHeader}).
 *
 * <p>Where apimachinery's own result is not fixed, this class picks one: Go visits patch keys in random order (it
 * matters when a {@code $deleteFromPrimitiveList} list and the list it edits are both new, and for which of several
 * errors is reported) — here keys are visited in document order. Error texts print values like Go's {@code %v},
 * except that credentials and long strings are left out.
 */
public final class StrategicMergePatch {

    static final String DIRECTIVE = "$patch";
    static final String DELETE = "delete";
    static final String REPLACE = "replace";
    static final String MERGE = "merge";
    static final String RETAIN_KEYS = "retainKeys";
    static final String RETAIN_KEYS_DIRECTIVE = "$retainKeys";
    static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";
    static final String SET_ELEMENT_ORDER = "$setElementOrder";

    private static final String MAP_TYPE = "map[string]interface {}";
    private static final String LIST_TYPE = "[]interface {}";

    private StrategicMergePatch() {
    }

    /**
     * The result of applying {@code patch} to {@code original}; neither argument is modified. A null document counts
     * as an empty one, as it does after Go's JSON round trip.
     */
    public static Map<String, Object> apply(Map<?, ?> original, Map<?, ?> patch, PatchSchema schema)
            throws PatchException {
        Map<String, Object> patchCopy = JsonValues.copyMap(patch);
        return mergeMap(JsonValues.copyMap(original), patchCopy == null ? new LinkedHashMap<>() : patchCopy, schema);
    }

    static Map<String, Object> mergeMap(Map<String, Object> original, Map<String, Object> patch, PatchSchema schema)
            throws PatchException {
        if (patch.containsKey(DIRECTIVE)) {
            return mapDirective(patch.get(DIRECTIVE), patch);
        }
        Map<String, Object> merged = original == null ? new LinkedHashMap<>() : original;
        applyRetainKeys(merged, patch);
        ElementOrder.mergeOrderedLists(merged, patch, schema);
        for (Map.Entry<String, Object> entry : new ArrayList<>(patch.entrySet())) {
            mergeField(merged, entry.getKey(), entry.getValue(), schema);
        }
        return merged;
    }

    private static void mergeField(Map<String, Object> original, String patchKey, Object patchValue, PatchSchema schema)
            throws PatchException {
        boolean deleteList = patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST);
        String key = deleteList ? directiveTarget(patchKey, DELETE_FROM_PRIMITIVE_LIST) : patchKey;
        if (patchValue == null) {
            original.remove(key);
            return;
        }
        if (!original.containsKey(key) || !sameGoType(original.get(key), patchValue)) {
            if (!deleteList) {
                discardNulls(patchValue);
                putWithoutDirectives(original, key, patchValue);
            }
            return;
        }
        Object current = original.get(key);
        if (current instanceof Map) {
            PatchSchema.Lookup field = schema.lookupForStruct(key);
            original.put(key, mergeMapField(current, patchValue, field.schema(), field.strategy()));
        } else if (current instanceof List<?> list) {
            PatchSchema.Lookup field = schema.lookupForSlice(key);
            original.put(key, mergeListField(SliceHeader.decoded(list), patchValue, field.schema(), field.strategy(),
                    field.mergeKey(), deleteList));
        } else {
            putWithoutDirectives(original, key, patchValue);
        }
    }

    private static void putWithoutDirectives(Map<String, Object> original, String key, Object patchValue) {
        Kept kept = removeDirectives(patchValue);
        if (kept.keep()) {
            original.put(key, kept.value());
        } else {
            original.remove(key);
        }
    }

    static Map<String, Object> mergeMapField(Object original, Object patch, PatchSchema schema, String strategy)
            throws PatchException {
        Map<String, Object> typedOriginal = asMap(original);
        Map<String, Object> typedPatch = asMap(patch);
        return strategy.equals(REPLACE) ? typedPatch : mergeMap(typedOriginal, typedPatch, schema);
    }

    /**
     * Merges a list of the original document with the patch's. Go merges in place on the slice of the original that
     * its caller still holds: what {@code original} shows afterwards is the order the caller goes on with.
     */
    static List<Object> mergeListField(SliceHeader original, Object patch, PatchSchema schema, String strategy,
                                       String mergeKey, boolean deleteList) throws PatchException {
        List<Object> typedPatch = asList(patch);
        if (strategy.equals(MERGE) || deleteList) {
            return mergeList(original, typedPatch, schema, mergeKey, deleteList);
        }
        return typedPatch;
    }

    /** apimachinery's mergeSlice, with its in-place deletions, appends and de-duplication. */
    private static List<Object> mergeList(SliceHeader original, List<Object> patch, PatchSchema schema,
                                          String mergeKey, boolean deleteList) throws PatchException {
        if (original.len() == 0 && patch.isEmpty()) {
            return original.toList();
        }
        ElementKind kind = ElementKind.of(original.toList(), patch);
        SliceHeader base = original;
        List<Object> patchItems = patch;
        SliceHeader merged;
        if (kind != ElementKind.MAP) {
            if (deleteList) {
                List<Object> kept = original.toList();
                kept.removeAll(new HashSet<>(patch));
                return kept;
            }
            merged = deduplicate(original.appendAll(patch));
        } else {
            if (mergeKey.isEmpty()) {
                throw new PatchException("cannot merge lists without merge key for " + schema.name());
            }
            SpecialElements special = SpecialElements.apply(original, patch, mergeKey);
            base = special.original();
            patchItems = special.patch();
            merged = mergeByKey(base, patchItems, mergeKey, schema);
        }
        return ElementOrder.normalize(merged.toList(), patchItems, base.toList(), mergeKey, kind);
    }

    /**
     * apimachinery's deduplicateScalars: a later duplicate is overwritten by the last element, in place. When the
     * patch values were appended in place, that can move one of them into the original's part of the array.
     */
    private static SliceHeader deduplicate(SliceHeader values) throws PatchException {
        int last = values.len() - 1;
        for (int i = 0; i < last; i++) {
            for (int j = i + 1; j <= last; j++) {
                if (goEquals(values.get(i), values.get(j))) {
                    values.set(j, values.get(last));
                    last--;
                    j--;
                }
            }
        }
        return values.slice(last + 1);
    }

    private static SliceHeader mergeByKey(SliceHeader original, List<Object> patch, String mergeKey, PatchSchema schema)
            throws PatchException {
        SliceHeader merged = original;
        for (Object item : patch) {
            Map<String, Object> element = asMap(item);
            if (!element.containsKey(mergeKey)) {
                throw PatchException.noMergeKey(element, mergeKey);
            }
            int index = indexOfKey(merged.toList(), mergeKey, element.get(mergeKey));
            if (index >= 0) {
                merged.set(index, mergeMap(asMap(merged.get(index)), element, schema));
            } else {
                merged = merged.append(item);
            }
        }
        return merged;
    }

    /** Position of the first map element whose merge key equals {@code value}, or -1. */
    static int indexOfKey(List<Object> list, String mergeKey, Object value) throws PatchException {
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> element)) {
                throw new PatchException("value for key " + i + " is not a map");
            }
            if (element.containsKey(mergeKey) && goEquals(element.get(mergeKey), value)) {
                return i;
            }
        }
        return -1;
    }

    /** Go's {@code ==} on interface values holding JSON data; maps and slices cannot be compared. */
    static boolean goEquals(Object a, Object b) throws PatchException {
        for (Object v : new Object[] {a, b}) {
            if (v instanceof Map || v instanceof List) {
                throw new PatchException("runtime error: comparing uncomparable type " + UntypedValues.typeName(v));
            }
        }
        return Objects.equals(a, b);
    }

    private static Map<String, Object> mapDirective(Object directive, Map<String, Object> patch)
            throws PatchException {
        if (REPLACE.equals(directive)) {
            patch.remove(DIRECTIVE);
            return patch;
        }
        if (DELETE.equals(directive)) {
            return new LinkedHashMap<>();
        }
        throw PatchException.badPatchType(directive, patch);
    }

    /** {@code $retainKeys}: keys of the original not listed are dropped; the patch may only set listed keys. */
    private static void applyRetainKeys(Map<String, Object> original, Map<String, Object> patch)
            throws PatchException {
        if (!patch.containsKey(RETAIN_KEYS_DIRECTIVE)) {
            return;
        }
        Object directive = patch.remove(RETAIN_KEYS_DIRECTIVE);
        if (!(directive instanceof List<?> list)) {
            throw new PatchException("invalid patch format of retainKeys");
        }
        Set<Object> retained = new HashSet<>(list);
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            String k = e.getKey();
            if (e.getValue() == null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) {
                continue;
            }
            if (!retained.contains(k)) {
                throw new PatchException("invalid patch format of retainKeys");
            }
        }
        original.keySet().removeIf(k -> !retained.contains(k));
    }

    /** The field a {@code $prefix/field} directive key addresses. */
    static String directiveTarget(String key, String prefix) throws PatchException {
        int slash = key.indexOf('/');
        if (slash < 0 || !key.substring(0, slash).equals(prefix)) {
            throw new PatchException(prefix.equals(DELETE_FROM_PRIMITIVE_LIST)
                    ? "invalid patch format of primitive list" : "invalid patch format of setElementOrder list");
        }
        return key.substring(slash + 1);
    }

    /** Value without any map carrying {@code $patch}; {@code keep} is false when the value itself is such a map. */
    static Kept removeDirectives(Object value) {
        if (value instanceof Map<?, ?> raw) {
            Map<String, Object> map = asStringMap(raw);
            if (map.containsKey(DIRECTIVE)) {
                return new Kept(null, false);
            }
            for (String k : new ArrayList<>(map.keySet())) {
                Kept child = removeDirectives(map.get(k));
                if (child.keep()) {
                    map.put(k, child.value());
                } else {
                    map.remove(k);
                }
            }
            return new Kept(map, true);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                Kept child = removeDirectives(item);
                if (child.keep()) {
                    out.add(child.value());
                }
            }
            return new Kept(out, true);
        }
        return new Kept(value, true);
    }

    private static void discardNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            map.values().removeIf(Objects::isNull);
            map.values().forEach(StrategicMergePatch::discardNulls);
        } else if (value instanceof List<?> list) {
            list.forEach(StrategicMergePatch::discardNulls);
        }
    }

    /** Go compares {@code reflect.TypeOf} of both values before merging them. */
    private static boolean sameGoType(Object a, Object b) {
        return a != null && b != null && UntypedValues.typeName(a).equals(UntypedValues.typeName(b));
    }

    static Map<String, Object> asMap(Object value) throws PatchException {
        if (value instanceof Map<?, ?> map) {
            return asStringMap(map);
        }
        throw PatchException.badArgType(MAP_TYPE, value);
    }

    static List<Object> asList(Object value) throws PatchException {
        if (value instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Object> typed = (List<Object>) list;
            return typed;
        }
        throw PatchException.badArgType(LIST_TYPE, value);
    }

    // Values inside a patch are always copies made by JsonValues, so the casts only restore their real types.
    @SuppressWarnings("unchecked")
    private static Map<String, Object> asStringMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    record Kept(Object value, boolean keep) {
    }
}
