package io.kanisterhooks.kube.patch;

import io.kanisterhooks.golang.value.SliceHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code $patch} elements of a merging list of maps, applied before the ordinary elements are merged
 * (apimachinery's mergeSliceWithSpecialElements): {@code delete} removes every original element with the same merge
 * key, in place, as Go's {@code append(s[:i], s[i+1:]...)} does; {@code replace} makes the remaining patch elements
 * the whole list.
 */
record SpecialElements(SliceHeader original, List<Object> patch) {

    static SpecialElements apply(SliceHeader original, List<Object> patch, String mergeKey) throws PatchException {
        SliceHeader remaining = original;
        List<Object> ordinary = new ArrayList<>();
        boolean replace = false;
        for (Object item : patch) {
            Map<String, Object> element = StrategicMergePatch.asMap(item);
            if (!element.containsKey(StrategicMergePatch.DIRECTIVE)) {
                ordinary.add(item);
                continue;
            }
            Object directive = element.get(StrategicMergePatch.DIRECTIVE);
            if (StrategicMergePatch.DELETE.equals(directive)) {
                if (!element.containsKey(mergeKey)) {
                    throw PatchException.noMergeKey(element, mergeKey);
                }
                remaining = deleteMatching(remaining, mergeKey, element.get(mergeKey));
            } else if (StrategicMergePatch.REPLACE.equals(directive)) {
                // Later $patch elements are still pruned, so keep going.
                replace = true;
            } else if (StrategicMergePatch.MERGE.equals(directive)) {
                throw new PatchException("merging lists cannot yet be specified in the patch");
            } else {
                throw PatchException.badPatchType(directive, element);
            }
        }
        // Go builds the list of ordinary elements by appending to an empty slice, as its JSON decoder does.
        return replace ? new SpecialElements(SliceHeader.decoded(ordinary), List.of())
                : new SpecialElements(remaining, ordinary);
    }

    private static SliceHeader deleteMatching(SliceHeader list, String mergeKey, Object value) throws PatchException {
        SliceHeader remaining = list;
        for (int i = StrategicMergePatch.indexOfKey(remaining.toList(), mergeKey, value); i >= 0;
                i = StrategicMergePatch.indexOfKey(remaining.toList(), mergeKey, value)) {
            remaining = remaining.remove(i);
        }
        return remaining;
    }
}
