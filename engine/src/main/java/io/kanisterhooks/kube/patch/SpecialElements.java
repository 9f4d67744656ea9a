package io.kanisterhooks.kube.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code $patch} elements of a merging list of maps, applied before the ordinary elements are merged:
 * {@code delete} removes every original element with the same merge key, {@code replace} makes the remaining patch
 * elements the whole list.
 */
record SpecialElements(List<Object> original, List<Object> patch) {

    static SpecialElements apply(List<Object> original, List<Object> patch, String mergeKey) throws PatchException {
        List<Object> remaining = new ArrayList<>(original);
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
                deleteMatching(remaining, mergeKey, element.get(mergeKey));
            } else if (StrategicMergePatch.REPLACE.equals(directive)) {
                // Later $patch elements are still pruned, so keep going.
                replace = true;
            } else if (StrategicMergePatch.MERGE.equals(directive)) {
                throw new PatchException("merging lists cannot yet be specified in the patch");
            } else {
                throw PatchException.badPatchType(directive, element);
            }
        }
        return replace ? new SpecialElements(ordinary, List.of()) : new SpecialElements(remaining, ordinary);
    }

    private static void deleteMatching(List<Object> list, String mergeKey, Object value) throws PatchException {
        for (int i = StrategicMergePatch.indexOfKey(list, mergeKey, value); i >= 0;
                i = StrategicMergePatch.indexOfKey(list, mergeKey, value)) {
            list.remove(i);
        }
    }
}
