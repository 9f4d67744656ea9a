package io.kanisterhooks.kube.patch;

import io.kanisterhooks.golang.sort.GoStableSort;
import io.kanisterhooks.golang.value.SliceHeader;
import io.kanisterhooks.secrets.SafeFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order of a merged list. Elements named by the patch keep the patch's relative order, the others the original's;
 * the two sequences are then interleaved: an original-only element goes first only while it precedes the next patch
 * element in the original list — so an element the original did not have is placed before the original-only elements
 * that follow it. {@code $setElementOrder/<field>} replaces the patch order by an explicit one.
 *
 * <p>"The original list" is the one apimachinery holds after merging into it, in place ({@link SliceHeader}): a
 * {@code $patch: delete} shifts the later elements down one place, new elements are appended into the places that
 * frees, and removing the duplicates of a primitive list moves its last value into a duplicate's place. mergeSlice
 * orders against its own shortened slice, where the appended elements lie beyond the end; with
 * {@code $setElementOrder} the caller orders again, against its slice of the original length, where the first new
 * elements now stand after all the others — so the original-only elements go before them.
 */
final class ElementOrder {

    private ElementOrder() {
    }

    /** Orders {@code merged} by {@code patchOrder} (elements present in it) and {@code serverOrder} (the rest). */
    static List<Object> normalize(List<Object> merged, List<Object> patchOrder, List<Object> serverOrder,
                                  String mergeKey, ElementKind kind) throws PatchException {
        List<Object> fromPatch = new ArrayList<>();
        List<Object> serverOnly = new ArrayList<>();
        partition(merged, patchOrder, mergeKey, fromPatch, serverOnly);
        List<Object> sortedPatch = sortBy(fromPatch, patchOrder, mergeKey, kind);
        List<Object> sortedServer = sortBy(serverOnly, serverOrder, mergeKey, kind);
        return interleave(sortedServer, sortedPatch, serverOrder, mergeKey, kind);
    }

    /** Processes every {@code $setElementOrder/<field>} of the patch, merging that field's list in the given order. */
    static void mergeOrderedLists(Map<String, Object> original, Map<String, Object> patch, PatchSchema schema)
            throws PatchException {
        for (String key : new ArrayList<>(patch.keySet())) {
            if (!key.startsWith(StrategicMergePatch.SET_ELEMENT_ORDER)) {
                continue;
            }
            Object order = patch.remove(key);
            if (!(order instanceof List)) {
                throw PatchException.badArgType("[]interface {}", order);
            }
            List<Object> setOrder = StrategicMergePatch.asList(order);
            String field = StrategicMergePatch.directiveTarget(key, StrategicMergePatch.SET_ELEMENT_ORDER);
            boolean inOriginal = original.containsKey(field);
            boolean inPatch = patch.containsKey(field);
            SliceHeader originalSlice = SliceHeader.decoded(inOriginal ? StrategicMergePatch.asList(original.get(field))
                    : List.of());
            List<Object> patchList = inPatch ? StrategicMergePatch.asList(patch.get(field)) : List.of();
            PatchSchema.Lookup lookup = schema.lookupForSlice(field);
            String strategy = lookup.strategy();
            String mergeKey = lookup.mergeKey();
            validateAgainstSetOrder(patchList, setOrder, mergeKey);
            if (!inOriginal && !inPatch) {
                continue;
            }
            List<Object> merged;
            if (!inPatch) {
                merged = originalSlice.toList();
            } else if (!inOriginal) {
                merged = StrategicMergePatch.asList(StrategicMergePatch.removeDirectives(patchList).value());
            } else {
                merged = StrategicMergePatch.mergeListField(originalSlice, patchList, lookup.schema(), strategy,
                        mergeKey, false);
            }
            // Read after the merge, which may have deleted, appended and de-duplicated in place (see the class comment)
            List<Object> serverOrder = originalSlice.toList();
            ElementKind kind = ElementKind.of(serverOrder, patchList);
            original.put(field, normalize(merged, setOrder, serverOrder, mergeKey, kind));
            patch.remove(field);
        }
    }

    /** Every ordinary patch element must appear in the {@code $setElementOrder} list, in the same relative order. */
    private static void validateAgainstSetOrder(List<Object> patchList, List<Object> setOrder, String mergeKey)
            throws PatchException {
        if (setOrder.isEmpty() || patchList.isEmpty()) {
            return;
        }
        List<Object> kept = mergeKey.isEmpty() ? patchList : withoutDeletions(patchList).kept();
        int p = 0;
        int s = 0;
        while (p < kept.size() && s < setOrder.size()) {
            if (kept.get(p) instanceof Map<?, ?> m && m.containsKey(StrategicMergePatch.DIRECTIVE)) {
                p++;
                continue;
            }
            if (mergeKeyEqual(kept.get(p), setOrder.get(s), mergeKey)) {
                p++;
            }
            s++;
        }
        if (p < kept.size() && s >= setOrder.size()) {
            throw new PatchException("The order in patch list:\n" + SafeFormat.formatSafely(patchList)
                    + "\n doesn't match " + StrategicMergePatch.SET_ELEMENT_ORDER + " list:\n"
                    + SafeFormat.formatSafely(setOrder) + "\n");
        }
    }

    private static boolean mergeKeyEqual(Object left, Object right, String mergeKey) throws PatchException {
        if (mergeKey.isEmpty()) {
            return StrategicMergePatch.goEquals(left, right);
        }
        Map<String, Object> l = StrategicMergePatch.asMap(left);
        Map<String, Object> r = StrategicMergePatch.asMap(right);
        if (!l.containsKey(mergeKey)) {
            throw PatchException.noMergeKey(l, mergeKey);
        }
        if (!r.containsKey(mergeKey)) {
            throw PatchException.noMergeKey(r, mergeKey);
        }
        return StrategicMergePatch.goEquals(l.get(mergeKey), r.get(mergeKey));
    }

    private static void partition(List<Object> merged, List<Object> by, String mergeKey, List<Object> present,
                                  List<Object> absent) throws PatchException {
        if (mergeKey.isEmpty()) {
            Set<Object> values = new HashSet<>(by);
            for (Object v : merged) {
                (values.contains(v) ? present : absent).add(v);
            }
            return;
        }
        for (Object v : merged) {
            Map<String, Object> element = StrategicMergePatch.asMap(v);
            if (!element.containsKey(mergeKey)) {
                throw PatchException.noMergeKey(element, mergeKey);
            }
            boolean found = StrategicMergePatch.indexOfKey(by, mergeKey, element.get(mergeKey)) >= 0;
            (found ? present : absent).add(v);
        }
    }

    /** Go's stable sort by position in {@code order}; {@code $patch: delete} elements go last. */
    private static List<Object> sortBy(List<Object> items, List<Object> order, String mergeKey, ElementKind kind)
            throws PatchException {
        List<Object> toSort = items;
        List<Object> deletions = List.of();
        if (kind == ElementKind.MAP) {
            for (List<Object> list : List.of(items, order)) {
                for (Object item : list) {
                    Map<String, Object> element = StrategicMergePatch.asMap(item);
                    if (!element.containsKey(mergeKey)) {
                        throw PatchException.noMergeKey(element, mergeKey);
                    }
                }
            }
            Split split = withoutDeletions(items);
            toSort = split.kept();
            deletions = split.deletions();
        }
        List<Object> sorted = new ArrayList<>(toSort);
        // apimachinery's comparison: by position in the order list, and "less" whenever either is missing from it.
        GoStableSort.sort(sorted, (i, j) -> {
            int ri = indexIn(order, sorted.get(i), mergeKey, kind);
            int rj = ri < 0 ? -1 : indexIn(order, sorted.get(j), mergeKey, kind);
            return ri < 0 || rj < 0 || ri < rj;
        });
        sorted.addAll(deletions);
        return sorted;
    }

    private static List<Object> interleave(List<Object> serverOnly, List<Object> fromPatch, List<Object> serverOrder,
                                           String mergeKey, ElementKind kind) throws PatchException {
        List<Object> out = new ArrayList<>(serverOnly.size() + fromPatch.size());
        int i = 0;
        int j = 0;
        while (i < serverOnly.size() || j < fromPatch.size()) {
            if (i >= serverOnly.size()) {
                out.add(fromPatch.get(j++));
            } else if (j >= fromPatch.size()) {
                out.add(serverOnly.get(i++));
            } else {
                int left = indexIn(serverOrder, serverOnly.get(i), mergeKey, kind);
                int right = indexIn(serverOrder, fromPatch.get(j), mergeKey, kind);
                if (left >= 0 && right >= 0 && left < right) {
                    out.add(serverOnly.get(i++));
                } else {
                    out.add(fromPatch.get(j++));
                }
            }
        }
        return out;
    }

    /** Position of {@code item} in {@code list}, comparing merge key values for maps and whole values otherwise. */
    private static int indexIn(List<Object> list, Object item, String mergeKey, ElementKind kind)
            throws PatchException {
        Object wanted = identity(item, mergeKey, kind);
        for (int i = 0; i < list.size(); i++) {
            if (StrategicMergePatch.goEquals(wanted, identity(list.get(i), mergeKey, kind))) {
                return i;
            }
        }
        return -1;
    }

    private static Object identity(Object item, String mergeKey, ElementKind kind) {
        if (kind != ElementKind.MAP) {
            return item;
        }
        return item instanceof Map<?, ?> m ? m.get(mergeKey) : null;
    }

    private static Split withoutDeletions(List<Object> items) throws PatchException {
        List<Object> kept = new ArrayList<>();
        List<Object> deletions = new ArrayList<>();
        for (Object item : items) {
            Map<String, Object> element = StrategicMergePatch.asMap(item);
            boolean delete = StrategicMergePatch.DELETE.equals(element.get(StrategicMergePatch.DIRECTIVE));
            (delete ? deletions : kept).add(item);
        }
        return new Split(kept, deletions);
    }

    private record Split(List<Object> kept, List<Object> deletions) {
    }

}
