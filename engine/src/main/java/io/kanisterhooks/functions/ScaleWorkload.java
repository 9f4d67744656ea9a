package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.functions.args.ArgType;
import io.kanisterhooks.functions.args.Args;
import io.kanisterhooks.golang.json.UntypedValues;
import io.kanisterhooks.golang.strconv.GoStrconv;
import io.kanisterhooks.golang.value.GoInt;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.kube.JsonObjects;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.kube.LabelSelectors;
import io.kanisterhooks.kube.ObjectWatch;
import io.kanisterhooks.kube.WatchSet;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scales a StatefulSet or Deployment and, unless {@code waitForReady: false}, waits (without a timeout of its own)
 * until it is ready by Kanister's rules ({@link ScaleReadiness}). Output: {@code originalReplicaCount}, an int32 as in
 * Go. Namespace, name and kind default to the action's subject when it is a workload. The workload and its pods are
 * watched, so readiness is noticed at once without polling. DeploymentConfigs (OpenShift) are not supported.
 */
public final class ScaleWorkload implements KanisterFunction {

    public static final String NAME = "ScaleWorkload";
    public static final String ARG_REPLICAS = "replicas";
    public static final String ARG_NAME = "name";
    public static final String ARG_KIND = "kind";
    public static final String ARG_WAIT_FOR_READY = "waitForReady";
    static final String OUTPUT_ORIGINAL_REPLICA_COUNT = "originalReplicaCount";

    static final FunctionSignature SIGNATURE = new FunctionSignature(NAME,
            List.of(ARG_REPLICAS),
            List.of(ARG_REPLICAS, CommonArgs.NAMESPACE, ARG_NAME, ARG_KIND, ARG_WAIT_FOR_READY),
            false, FunctionSignature.Needs.NOTHING);

    private static final Set<String> WORKLOAD_SUBJECTS = Set.of("statefulset", "deployment", "deploymentconfig");
    private static final Set<GoType> INTEGER_TYPES = Set.of(GoType.INT, GoType.INT32, GoType.INT64);

    /** The two workload kinds: resource, and the names Kanister's messages use. */
    private enum Kind {
        STATEFUL_SET("statefulsets", "StatefulSet", "Statefulset"),
        DEPLOYMENT("deployments", "Deployment", "Deployment");

        final String resource;
        final String title;
        /** Kanister spells it differently in its update error. */
        final String updateTitle;

        Kind(String resource, String title, String updateTitle) {
            this.resource = resource;
            this.title = title;
            this.updateTitle = updateTitle;
        }
    }

    @Override
    public FunctionSignature signature() {
        return SIGNATURE;
    }

    @Override
    public Map<String, Object> run(PhaseContext ctx, Args args)
            throws ArgException, PhaseException, CancelledException {
        int replicas = replicas(args.required(ARG_REPLICAS, ArgType.ANY));
        boolean subjectIsWorkload = ctx.subjectKind() != null && WORKLOAD_SUBJECTS.contains(ctx.subjectKind());
        if (!subjectIsWorkload && !(args.has(CommonArgs.NAMESPACE) && args.has(ARG_NAME) && args.has(ARG_KIND))) {
            throw new PhaseException("Workload information not available via defaults or namespace/name/kind "
                    + "parameters");
        }
        String namespace = args.optional(CommonArgs.NAMESPACE, ArgType.STRING,
                subjectIsWorkload ? ctx.subjectNamespace() : "");
        String name = args.optional(ARG_NAME, ArgType.STRING, subjectIsWorkload ? ctx.subjectName() : "");
        String kind = args.optional(ARG_KIND, ArgType.STRING, subjectIsWorkload ? ctx.subjectKind() : "");
        boolean waitForReady = args.optional(ARG_WAIT_FOR_READY, ArgType.BOOL, true);
        Kind k = switch (kind.toLowerCase(Locale.ROOT)) {
            case "statefulset" -> Kind.STATEFUL_SET;
            case "deployment" -> Kind.DEPLOYMENT;
            case "deploymentconfig" -> throw new PhaseException("Workload type not supported " + kind
                    + ": kanister-hooks does not scale OpenShift DeploymentConfigs");
            default -> throw new PhaseException("Workload type not supported " + kind);
        };
        return Map.of(OUTPUT_ORIGINAL_REPLICA_COUNT, GoInt.ofInt32(scale(ctx, k, namespace, name, replicas,
                waitForReady)));
    }

    /** Kanister's decoding of {@code replicas}: Go ints as they are, decimal strings parsed, anything else refused. */
    @Override
    public void checkLiteral(String arg, Object value) throws ArgException, PhaseException {
        if (arg.equals(ARG_REPLICAS)) {
            replicas(value);
        } else if (arg.equals(ARG_WAIT_FOR_READY)) {
            new Args(Collections.singletonMap(arg, value)).required(arg, ArgType.BOOL);
        }
    }

    private static int replicas(Object value) throws PhaseException {
        if (value instanceof String s) {
            return parseInt32(s);
        }
        if (value instanceof Long || value instanceof Integer
                || value instanceof GoInt g && INTEGER_TYPES.contains(g.goType())) {
            return ((Number) value).intValue(); // int32(val): Go keeps the low 32 bits
        }
        String type = value instanceof GoInt g ? g.goType().name() : UntypedValues.typeName(value);
        throw new PhaseException("Invalid arg type " + type + " for Arg " + ARG_REPLICAS + " ");
    }

    /** {@code strconv.ParseInt(s, 10, 32)}, failing with Kanister's wrapping of Go's error. */
    private static int parseInt32(String s) throws PhaseException {
        try {
            return (int) GoStrconv.parseInt(s, 10, 32);
        } catch (GoStrconv.NumError e) {
            throw new PhaseException("Cannot convert " + s + " to int: " + e.getMessage());
        }
    }

    /** @return the replica count before scaling */
    private static int scale(PhaseContext ctx, Kind kind, String namespace, String name, int replicas,
                             boolean waitForReady) throws PhaseException, CancelledException {
        Kube kube = ctx.kube();
        String path = Kube.path("apps", "v1", kind.resource, namespace, name);
        Map<String, Object> before = request(kube, "GET", path, null,
                "Could not get " + kind.title + ", to figure out replicas");
        // A merge patch of spec.replicas where Kanister does GET-modify-Update: same result, no conflict to lose.
        Map<String, Object> after = request(kube, "PATCH", path,
                JsonObjects.json(Map.of("spec", Map.of("replicas", replicas))),
                "Could not update " + kind.updateTitle);
        if (waitForReady) {
            awaitReady(ctx, kind, namespace, name, LabelSelectors.query(JsonObjects.path(after, "spec", "selector")));
        }
        return (int) ScaleReadiness.number(before, "spec", "replicas");
    }

    private static Map<String, Object> request(Kube kube, String method, String path, String body, String failure)
            throws PhaseException {
        try {
            return kube.request(method, path, body, body == null ? null : "application/merge-patch+json", failure);
        } catch (KubeException e) {
            throw new PhaseException(e.getMessage());
        }
    }

    /** Kanister's {@code WaitOn…Ready}: no timeout but the action's; the workload may vanish for a while. */
    private static void awaitReady(PhaseContext ctx, Kind kind, String namespace, String name, String selector)
            throws PhaseException, CancelledException {
        try (WatchSet watches = new WatchSet(ctx.kube())) {
            ObjectWatch workload = watches.object("apps", "v1", kind.resource, namespace, name);
            ObjectWatch pods = watches.selected("", "v1", "pods", namespace, selector);
            ObjectWatch replicaSets = kind == Kind.DEPLOYMENT
                    ? watches.selected("apps", "v1", "replicasets", namespace, selector) : null;
            String[] status = {null};
            try {
                watches.await(() -> {
                    Map<String, Object> w = view(workload, "could not get " + kind.title).single();
                    if (w == null) {
                        return null;
                    }
                    List<Map<String, Object>> podList = view(pods, "Could not list Pods").objects();
                    status[0] = kind == Kind.STATEFUL_SET ? ScaleReadiness.statefulSet(w, podList)
                            : ScaleReadiness.deployment(w, view(replicaSets, "Could not list ReplicaSets").objects(),
                                    podList);
                    return status[0] == null ? Boolean.TRUE : null;
                }, ctx.cancellation());
            } catch (CancelledException e) {
                throw new CancelledException(status[0] == null ? e.getMessage() : e.getMessage() + " (" + status[0]
                        + ")");
            }
        }
    }

    /** A watch's view; an API error (not a lost connection, which the watch survives) fails the wait as in Kanister. */
    private static ObjectWatch.View view(ObjectWatch watch, String failure) throws PhaseException {
        ObjectWatch.View v = watch.view();
        if (v.failure() != null && v.failure().status() != 0) {
            throw new PhaseException(failure + ": " + v.failure().getMessage());
        }
        return v;
    }
}
