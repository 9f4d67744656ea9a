package io.kanisterhooks.kube.patch;

import io.kanisterhooks.golang.json.UntypedValues;
import io.kanisterhooks.secrets.SafeFormat;
import java.util.List;

/** Whether a merging list holds maps or primitives (apimachinery's sliceElementType, which also rejects mixtures). */
enum ElementKind {
    MAP,
    PRIMITIVE;

    private static final String MAP_TYPE = "map[string]interface {}";

    static ElementKind of(List<Object> original, List<Object> patch) throws PatchException {
        String type = null;
        for (List<Object> list : List.of(original, patch)) {
            for (Object item : list) {
                String current = item == null ? "<nil>" : UntypedValues.typeName(item);
                if (type == null) {
                    if (item instanceof List) {
                        throw new PatchException("lists of lists are not supported");
                    }
                    type = current;
                } else if (!type.equals(current)) {
                    throw new PatchException("list element types are not identical: "
                            + SafeFormat.formatSafely(List.of(original, patch)));
                }
            }
        }
        if (type == null) {
            throw new PatchException("no elements in any of the given slices");
        }
        return type.equals(MAP_TYPE) ? MAP : PRIMITIVE;
    }
}
