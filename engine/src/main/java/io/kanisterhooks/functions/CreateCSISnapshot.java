package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.functions.args.ArgType;
import io.kanisterhooks.functions.args.Args;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.kube.RandomNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates a CSI VolumeSnapshot of a PVC (which must exist) and waits until it is ready to use. Labels are made valid
 * GCP labels, as Kanister does. Outputs {@code name}, {@code pvc}, {@code namespace}, {@code restoreSize} and
 * {@code snapshotContent}.
 */
public final class CreateCSISnapshot implements KanisterFunction {

    public static final String NAME = "CreateCSISnapshot";
    public static final String ARG_PVC = "pvc";
    public static final String ARG_SNAPSHOT_CLASS = "snapshotClass";
    public static final String ARG_NAME = "name";
    public static final String ARG_LABELS = "labels";

    static final FunctionSignature SIGNATURE = new FunctionSignature(NAME,
            List.of(ARG_PVC, CommonArgs.NAMESPACE, ARG_SNAPSHOT_CLASS),
            List.of(ARG_PVC, CommonArgs.NAMESPACE, ARG_SNAPSHOT_CLASS, ARG_NAME, ARG_LABELS),
            false, FunctionSignature.Needs.NOTHING);

    @Override
    public FunctionSignature signature() {
        return SIGNATURE;
    }

    @Override
    public Map<String, Object> run(PhaseContext ctx, Args args)
            throws ArgException, PhaseException, CancelledException {
        String pvc = args.required(ARG_PVC, ArgType.STRING);
        String namespace = args.required(CommonArgs.NAMESPACE, ArgType.STRING);
        String snapshotClass = args.required(ARG_SNAPSHOT_CLASS, ArgType.STRING);
        String name = args.optional(ARG_NAME, ArgType.STRING, pvc + "-snapshot-" + RandomNames.suffix(5));
        Map<String, String> labels = args.optional(ARG_LABELS, ArgType.STRING_MAP, Map.of());
        try {
            ctx.kube().send("GET", Kube.path("", "v1", "persistentvolumeclaims", namespace, pvc), null, null,
                    "Failed to query PVC");
        } catch (KubeException e) {
            throw new PhaseException(e.notFound() ? "Failed to find PVC " + namespace + "/" + pvc : e.getMessage());
        }
        CsiSnapshots.create(ctx.kube(), CsiSnapshots.snapshotPath(namespace, null), CsiSnapshots.snapshot(namespace,
                name, labels, "persistentVolumeClaimName", pvc, snapshotClass), "Failed to create snapshot resource");
        Map<String, Object> snapshot = CsiSnapshots.awaitReady(ctx, namespace, name);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(ARG_NAME, name);
        out.put(ARG_PVC, pvc);
        out.put(CommonArgs.NAMESPACE, namespace);
        out.put("restoreSize", CsiSnapshots.restoreSize(snapshot));
        out.put("snapshotContent", CsiSnapshots.boundContent(snapshot));
        return out;
    }
}
