package io.kanisterhooks.kube.patch;

import java.util.List;

/**
 * A Go type as far as strategic merge patch looks at it: its reflect kind (named the way Go prints it), the element
 * type of pointers, slices and maps, and the JSON fields of structs. Struct fields are filled in after construction
 * because types refer to each other by name.
 */
final class GoType {

    static final String STRUCT = "struct";
    static final String PTR = "ptr";
    static final String SLICE = "slice";
    static final String MAP = "map";

    private final String kind;
    private final String name;
    private final GoType elem;
    private List<GoField> fields = List.of();

    private GoType(String kind, String name, GoType elem) {
        this.kind = kind;
        this.name = name;
        this.elem = elem;
    }

    static GoType scalar(String kind) {
        return new GoType(kind, kind, null);
    }

    static GoType struct(String name) {
        return new GoType(STRUCT, name, null);
    }

    static GoType pointerTo(GoType elem) {
        return new GoType(PTR, "", elem);
    }

    static GoType sliceOf(GoType elem) {
        return new GoType(SLICE, "", elem);
    }

    static GoType mapOf(GoType elem) {
        return new GoType(MAP, "", elem);
    }

    /** reflect.Kind.String(): "struct", "ptr", "slice", "map", "string", "int32", … */
    String kind() {
        return kind;
    }

    /** reflect.Type.Name(): the struct name, empty for unnamed composite types. */
    String name() {
        return name;
    }

    GoType elem() {
        return elem;
    }

    List<GoField> fields() {
        return fields;
    }

    void setFields(List<GoField> fields) {
        this.fields = List.copyOf(fields);
    }

    /** The JSON field encoding/json would decode {@code jsonName} into: an exact match, else the first case-folded one. */
    GoField field(String jsonName) {
        GoField folded = null;
        for (GoField f : fields) {
            if (f.jsonName().equals(jsonName)) {
                return f;
            }
            if (folded == null && GoFold.equalFold(f.jsonName(), jsonName)) {
                folded = f;
            }
        }
        return folded;
    }

    /** One struct field: JSON name, type and the patch tags ({@code patchStrategy} split at commas, {@code patchMergeKey}). */
    record GoField(String jsonName, GoType type, List<String> strategies, String mergeKey) {
    }
}
