package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import java.util.List;
import java.util.Map;

/** Creates a PVC whose data source is a VolumeSnapshot. */
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
            List.of(ARG_NAME, ARG_PVC, CommonArgs.NAMESPACE, ARG_STORAGE_CLASS, ARG_RESTORE_SIZE, ARG_ACCESS_MODES, ARG_VOLUME_MODE, ARG_LABELS),
            false, FunctionSignature.Needs.NOTHING);

    @Override
    public FunctionSignature signature() {
        return SIGNATURE;
    }

    @Override
    public Map<String, Object> execute(PhaseContext ctx, Map<String, Object> args) throws PhaseException {
        throw new PhaseException(NAME + ": TEMPORARY placeholder until the function lands");
    }
}
