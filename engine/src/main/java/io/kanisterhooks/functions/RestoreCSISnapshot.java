package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.functions.args.ArgType;
import io.kanisterhooks.functions.args.Args;
import io.kanisterhooks.kube.JsonObjects;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeException;
import io.kubernetes.client.custom.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Creates a PVC whose data source is a VolumeSnapshot, of {@code restoreSize} (which must not be zero), with access
 * modes (default ReadWriteOnce), volume mode (default Filesystem), storage class and labels. It does not wait for the
 * PVC to be bound. No output.
 */
public final class RestoreCSISnapshot implements KanisterFunction {

    public static final String NAME = "RestoreCSISnapshot";
    public static final String ARG_NAME = "name";
    public static final String ARG_PVC = "pvc";
    public static final String ARG_STORAGE_CLASS = "storageClass";
    public static final String ARG_RESTORE_SIZE = "restoreSize";
    public static final String ARG_ACCESS_MODES = "accessModes";
    public static final String ARG_VOLUME_MODE = "volumeMode";
    public static final String ARG_LABELS = "labels";

    static final FunctionSignature SIGNATURE = new FunctionSignature(NAME,
            List.of(ARG_NAME, ARG_PVC, CommonArgs.NAMESPACE, ARG_STORAGE_CLASS, ARG_RESTORE_SIZE),
            List.of(ARG_NAME, ARG_PVC, CommonArgs.NAMESPACE, ARG_STORAGE_CLASS, ARG_RESTORE_SIZE, ARG_ACCESS_MODES,
                    ARG_VOLUME_MODE, ARG_LABELS),
            false, FunctionSignature.Needs.NOTHING);

    private static final Set<String> ACCESS_MODES = Set.of("ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce");
    private static final Set<String> VOLUME_MODES = Set.of("Filesystem", "Block");
    /** Go's {@code resource.ParseQuantity} syntax. */
    private static final Pattern QUANTITY = Pattern.compile("([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)");

    @Override
    public FunctionSignature signature() {
        return SIGNATURE;
    }

    @Override
    public Map<String, Object> run(PhaseContext ctx, Args args) throws ArgException, PhaseException {
        String name = args.required(ARG_NAME, ArgType.STRING);
        String pvc = args.required(ARG_PVC, ArgType.STRING);
        String namespace = args.required(CommonArgs.NAMESPACE, ArgType.STRING);
        String storageClass = args.required(ARG_STORAGE_CLASS, ArgType.STRING);
        String restoreSize = args.required(ARG_RESTORE_SIZE, ArgType.STRING);
        List<String> accessModes = args.optional(ARG_ACCESS_MODES, ArgType.STRING_LIST, List.of("ReadWriteOnce"));
        for (String mode : accessModes == null ? List.<String>of() : accessModes) {
            if (!ACCESS_MODES.contains(mode)) {
                throw new PhaseException("Given accessMode " + mode + " is invalid");
            }
        }
        String volumeMode = args.optional(ARG_VOLUME_MODE, ArgType.STRING, "Filesystem");
        if (!VOLUME_MODES.contains(volumeMode)) {
            throw new PhaseException("Given volumeMode " + volumeMode + " is invalid");
        }
        Map<String, String> labels = args.optional(ARG_LABELS, ArgType.STRING_MAP, null);
        checkSize(restoreSize);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", pvc);
        metadata.put("namespace", namespace);
        if (labels != null) {
            metadata.put("labels", labels);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("accessModes", accessModes);
        spec.put("volumeMode", volumeMode);
        spec.put("dataSource", Map.of("apiGroup", CsiSnapshots.GROUP, "kind", "VolumeSnapshot", "name", name));
        spec.put("storageClassName", storageClass);
        spec.put("resources", Map.of("requests", Map.of("storage", restoreSize)));
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("apiVersion", "v1");
        claim.put("kind", "PersistentVolumeClaim");
        claim.put("metadata", metadata);
        claim.put("spec", spec);
        try {
            ctx.kube().send("POST", Kube.path("", "v1", "persistentvolumeclaims", namespace, null),
                    JsonObjects.json(claim), "application/json",
                    "create PersistentVolumeClaim " + namespace + "/" + pvc);
        } catch (KubeException e) {
            throw new PhaseException(e.getMessage());
        }
        return null;
    }

    /** Go's {@code resource.ParseQuantity} and Kanister's zero check, with their messages. */
    private static void checkSize(String size) throws PhaseException {
        if (!QUANTITY.matcher(size).matches()) {
            throw new PhaseException("quantities must match the regular expression "
                    + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        }
        Quantity q;
        try {
            q = Quantity.fromString(size);
        } catch (RuntimeException e) {
            throw new PhaseException("unable to parse quantity's suffix");
        }
        if (q.getNumber().signum() == 0) {
            throw new PhaseException("Failed to restore CSI snapshot. restoreSize argument cannot be zero");
        }
    }
}
