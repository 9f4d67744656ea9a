package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.blueprint.ObjectReference;
import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.functions.args.ArgType;
import io.kanisterhooks.functions.args.Args;
import io.kanisterhooks.kube.JsonObjects;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.kube.ResourceNames;
import io.kanisterhooks.yaml.Suggestions;
import io.kanisterhooks.yaml.YamlDocument;
import io.kanisterhooks.yaml.YamlException;
import io.kanisterhooks.yaml.YamlNode;
import io.kanisterhooks.yaml.YamlReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates, patches or deletes a Kubernetes object. {@code create} takes YAML objects ({@code spec}) and outputs the
 * reference of the (last) one created; {@code patch} sends {@code spec} as a strategic merge patch to
 * {@code objectReference}; {@code delete} deletes {@code objectReference} and waits until it is gone. Patch and delete
 * output the reference as given.
 */
public final class KubeOps implements KanisterFunction {

    public static final String NAME = "KubeOps";
    public static final String ARG_OPERATION = "operation";
    public static final String ARG_SPEC = "spec";
    public static final String ARG_OBJECT_REFERENCE = "objectReference";

    static final FunctionSignature SIGNATURE = new FunctionSignature(NAME,
            List.of(ARG_OPERATION),
            List.of(ARG_OPERATION, ARG_SPEC, CommonArgs.NAMESPACE, ARG_OBJECT_REFERENCE),
            false, FunctionSignature.Needs.NOTHING);

    private static final ArgType<ObjectReference> OBJECT_REFERENCE = ArgType.record(ObjectReference.class);
    private static final List<String> OPERATIONS = List.of("create", "delete", "patch");
    private static final ObjectReference NO_REFERENCE = new ObjectReference("", "", "", "", "", "");
    private static final String DEFAULT_NAMESPACE = "default";

    @Override
    public FunctionSignature signature() {
        return SIGNATURE;
    }

    @Override
    public void checkLiteral(String arg, Object value) throws ArgException, PhaseException {
        if (arg.equals(ARG_OPERATION)) {
            String operation = new Args(Collections.singletonMap(arg, value)).required(arg, ArgType.STRING);
            if (!OPERATIONS.contains(operation)) {
                throw new PhaseException(invalidOperation(operation).getMessage() + Suggestions.closest(operation,
                        OPERATIONS).map(s -> "; did you mean '" + s + "'?").orElse(" (create, delete or patch)"));
            }
        }
    }

    @Override
    public Map<String, Object> run(PhaseContext ctx, Args args)
            throws ArgException, PhaseException, CancelledException {
        String spec = args.optional(ARG_SPEC, ArgType.STRING, "");
        String operation = args.required(ARG_OPERATION, ArgType.STRING);
        String namespace = args.optional(CommonArgs.NAMESPACE, ArgType.STRING, DEFAULT_NAMESPACE);
        ObjectReference ref = args.optional(ARG_OBJECT_REFERENCE, OBJECT_REFERENCE, NO_REFERENCE);
        switch (operation) {
            case "create" -> {
                requireSpec(spec, operation);
                ObjectReference created = new KubeOpsCreate(ctx.kube()).create(spec, namespace);
                return created == null ? null : output(created);
            }
            case "delete" -> {
                if (ref.name().isEmpty() || ref.apiVersion().isEmpty() || ref.resource().isEmpty()) {
                    throw new PhaseException("missing one or more required fields name/namespace/group/apiVersion/"
                            + "resource in objectReference for delete operation");
                }
                delete(ctx, ref, namespace);
                return output(ref);
            }
            case "patch" -> {
                requireSpec(spec, operation);
                patch(ctx.kube(), ref, spec);
                return output(ref);
            }
            default -> throw invalidOperation(operation);
        }
    }

    private static PhaseException invalidOperation(String operation) {
        return new PhaseException("invalid operation '" + operation + "'");
    }

    private static void requireSpec(String spec, String operation) throws PhaseException {
        if (spec.isEmpty()) {
            throw new PhaseException("spec cannot be empty for " + operation + " operation");
        }
    }

    /** The namespace is the reference's, else the argument's, else {@code default}; always a namespaced path. */
    private static void delete(PhaseContext ctx, ObjectReference ref, String namespaceArg)
            throws PhaseException, CancelledException {
        String namespace = !ref.namespace().isEmpty() ? ref.namespace()
                : namespaceArg.isEmpty() ? DEFAULT_NAMESPACE : namespaceArg;
        try {
            ctx.kube().send("DELETE", Kube.path(ref.group(), ref.apiVersion(), ref.resource(), namespace,
                    ref.name()), null, null, "delete " + describe(ref, namespace));
        } catch (KubeException e) {
            throw new PhaseException(e.getMessage());
        }
        WaitForDeletion.await(ctx, ref.group(), ref.apiVersion(), ref.resource(), namespace, ref.name());
    }

    /** A strategic merge patch; the namespace comes from the reference only (none: a cluster-scoped object). */
    private static void patch(Kube kube, ObjectReference ref, String spec) throws PhaseException {
        String json;
        try {
            List<YamlDocument> docs = new YamlReader().parse("spec", spec);
            YamlNode first = docs.isEmpty() ? null : docs.get(0).root();
            json = JsonObjects.json(first == null ? null : first.toValue());
        } catch (YamlException e) {
            throw new PhaseException("error converting YAML to JSON: yaml: " + e.getMessage());
        }
        try {
            kube.send("PATCH", Kube.path(ref.group(), ref.apiVersion(), ref.resource(), ref.namespace(),
                    ref.name()), json, "application/strategic-merge-patch+json",
                    "patch " + describe(ref, ref.namespace()));
        } catch (KubeException e) {
            throw new PhaseException(e.getMessage());
        }
    }

    private static String describe(ObjectReference ref, String namespace) {
        return ResourceNames.describe(ref.group(), ref.resource(), namespace, ref.name());
    }

    /** Kanister's ObjectReference as JSON: every field, {@code namespace} only when set ({@code omitempty}). */
    static Map<String, Object> output(ObjectReference ref) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("apiVersion", ref.apiVersion());
        out.put("group", ref.group());
        out.put("resource", ref.resource());
        out.put("kind", ref.kind());
        out.put("name", ref.name());
        if (!ref.namespace().isEmpty()) {
            out.put("namespace", ref.namespace());
        }
        return out;
    }
}
