package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.functions.args.ArgType;
import io.kanisterhooks.functions.args.Args;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates a VolumeSnapshot of an existing snapshot handle: first a VolumeSnapshotContent {@code <name>-content-<uuid>}
 * (deletion policy taken from the snapshot class), then a VolumeSnapshot bound to it; waits until it is ready. Outputs
 * {@code name}, {@code namespace}, {@code restoreSize} and {@code snapshotContent}.
 */
public final class CreateCSISnapshotStatic implements KanisterFunction {

    public static final String NAME = "CreateCSISnapshotStatic";
    public static final String ARG_NAME = "name";
    public static final String ARG_DRIVER = "driver";
    public static final String ARG_SNAPSHOT_HANDLE = "snapshotHandle";
    public static final String ARG_SNAPSHOT_CLASS = "snapshotClass";

    static final FunctionSignature SIGNATURE = new FunctionSignature(NAME,
            List.of(ARG_NAME, CommonArgs.NAMESPACE, ARG_DRIVER, ARG_SNAPSHOT_HANDLE, ARG_SNAPSHOT_CLASS),
            List.of(ARG_NAME, CommonArgs.NAMESPACE, ARG_DRIVER, ARG_SNAPSHOT_HANDLE, ARG_SNAPSHOT_CLASS),
            false, FunctionSignature.Needs.NOTHING);

    @Override
    public FunctionSignature signature() {
        return SIGNATURE;
    }

    @Override
    public Map<String, Object> run(PhaseContext ctx, Args args)
            throws ArgException, PhaseException, CancelledException {
        String name = args.required(ARG_NAME, ArgType.STRING);
        String namespace = args.required(CommonArgs.NAMESPACE, ArgType.STRING);
        String driver = args.required(ARG_DRIVER, ArgType.STRING);
        String handle = args.required(ARG_SNAPSHOT_HANDLE, ArgType.STRING);
        String snapshotClass = args.required(ARG_SNAPSHOT_CLASS, ArgType.STRING);
        Kube kube = ctx.kube();
        Map<String, Object> vsClass;
        try {
            vsClass = kube.request("GET", Kube.path(CsiSnapshots.GROUP, CsiSnapshots.VERSION, CsiSnapshots.CLASSES,
                    null, snapshotClass), null, null,
                    "Failed to get DeletionPolicy from VolumeSnapshotClass: Failed to find VolumeSnapshotClass");
        } catch (KubeException e) {
            throw new PhaseException(e.getMessage());
        }
        String contentName = name + "-content-" + UUID.randomUUID();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("volumeSnapshotRef", Map.of("kind", "VolumeSnapshot", "name", name, "namespace", namespace));
        spec.put("deletionPolicy", vsClass.get("deletionPolicy") instanceof String p ? p : "");
        spec.put("driver", driver);
        spec.put("source", Map.of("snapshotHandle", handle));
        spec.put("volumeSnapshotClassName", snapshotClass);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("apiVersion", CsiSnapshots.API_VERSION);
        content.put("kind", "VolumeSnapshotContent");
        content.put("metadata", Map.of("name", contentName));
        content.put("spec", spec);
        CsiSnapshots.create(kube, CsiSnapshots.contentPath(null), content, "Failed to create content");
        // Kanister reports a failure of the snapshot's creation with the same words
        CsiSnapshots.create(kube, CsiSnapshots.snapshotPath(namespace, null), CsiSnapshots.snapshot(namespace, name,
                Map.of(), "volumeSnapshotContentName", contentName, snapshotClass), "Failed to create content");
        Map<String, Object> snapshot = CsiSnapshots.awaitReady(ctx, namespace, name);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(ARG_NAME, name);
        out.put(CommonArgs.NAMESPACE, namespace);
        out.put("restoreSize", CsiSnapshots.restoreSize(snapshot));
        out.put("snapshotContent", CsiSnapshots.boundContent(snapshot));
        return out;
    }
}
