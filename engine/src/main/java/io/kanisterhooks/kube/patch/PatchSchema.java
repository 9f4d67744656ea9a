package io.kanisterhooks.kube.patch;

import io.kanisterhooks.golang.fmt.GoFmt;
import io.kanisterhooks.golang.json.GoJson;
import io.kanisterhooks.golang.value.GoKind;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.StructField;
import java.util.List;

/**
 * Where strategic merge patch finds its per-field metadata: the Go type of the value being merged, with the
 * {@code patchStrategy} and {@code patchMergeKey} struct tags of its fields — apimachinery's {@code PatchMetaFromStruct}.
 * {@link #podSpec()} and {@link #pod()} describe core/v1 as of Kubernetes 1.33; {@link #fromTypes} builds a schema from
 * the same text format for other types.
 */
public final class PatchSchema {

    private static final class PodTypes {
        static final GoTypeTable TABLE = GoTypeTable.load("pod-types.txt");
    }

    private final GoType type;

    private PatchSchema(GoType type) {
        this.type = type;
    }

    /** The schema Kanister patches job pods with: {@code corev1.PodSpec}. */
    public static PatchSchema podSpec() {
        return new PatchSchema(PodTypes.TABLE.struct("PodSpec"));
    }

    /** A whole {@code corev1.Pod} manifest (metadata, spec, status). */
    public static PatchSchema pod() {
        return new PatchSchema(PodTypes.TABLE.struct("Pod"));
    }

    /** A schema rooted at struct {@code root} of type definitions in the {@code pod-types.txt} format. */
    public static PatchSchema fromTypes(String typeDefinitions, String root) {
        return new PatchSchema(GoTypeTable.parse(typeDefinitions).struct(root));
    }

    GoType type() {
        return type;
    }

    /** What Go's {@code Name()} of the schema prints: the reflect kind of the type. */
    String name() {
        return type.kind().goName();
    }

    /** Metadata of field {@code key} whose value is merged as a map. */
    Lookup lookupForStruct(String key) throws PatchException {
        GoType t = type.kind() == GoKind.POINTER ? type.elem() : type;
        if (t.kind() != GoKind.STRUCT) {
            throw new PatchException("merging an object in json but data type is not struct, instead is: "
                    + t.kind().goName());
        }
        GoJson.Field field = GoJson.fieldForKey(t, key);
        if (field == null) {
            throw new PatchException("unable to find api field in struct " + t.name() + " for the json field \"" + key
                    + "\"");
        }
        StructField f = field.field();
        // apimachinery splits the patchStrategy tag at commas ("" gives one empty strategy).
        return new Lookup(new PatchSchema(f.type()), List.of(f.tag("patchStrategy").split(",", -1)),
                f.tag("patchMergeKey"));
    }

    /** Metadata of field {@code key} whose value is merged as a list; the returned schema is the element type's. */
    Lookup lookupForSlice(String key) throws PatchException {
        Lookup field = lookupForStruct(key);
        GoType t = field.schema().type;
        GoType elem;
        if (t.kind() == GoKind.SLICE) {
            elem = t.elem();
            if (elem.kind() == GoKind.SLICE) {
                throw new PatchException("unexpected slice of slice");
            }
        } else if (t.kind() == GoKind.POINTER) {
            elem = t.elem().kind() == GoKind.SLICE ? t.elem().elem() : t.elem();
        } else {
            // Go reports the kind of the enclosing type here, not the field's.
            throw new PatchException("expected slice or array type, but got: " + type.kind().goName());
        }
        return new Lookup(new PatchSchema(elem), field.strategies(), field.mergeKey());
    }

    /** A field's sub-schema and tags. */
    record Lookup(PatchSchema schema, List<String> strategies, String mergeKey) {

        /** The strategy other than {@code retainKeys} (apimachinery's extractRetainKeysPatchStrategy). */
        String strategy() throws PatchException {
            switch (strategies.size()) {
                case 0:
                    return "";
                case 1:
                    return strategies.get(0).equals(StrategicMergePatch.RETAIN_KEYS) ? "" : strategies.get(0);
                case 2:
                    if (strategies.get(0).equals(StrategicMergePatch.RETAIN_KEYS)) {
                        return strategies.get(1);
                    }
                    if (strategies.get(1).equals(StrategicMergePatch.RETAIN_KEYS)) {
                        return strategies.get(0);
                    }
                    break;
                default:
                    break;
            }
            throw new PatchException("unexpected patch strategy: " + GoFmt.sprint(strategies));
        }
    }
}
