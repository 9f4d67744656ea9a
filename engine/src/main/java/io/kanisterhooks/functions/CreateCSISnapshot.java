package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import java.util.List;
import java.util.Map;

/** Creates a CSI VolumeSnapshot of a PVC and waits until it is ready to use. */
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
    public Map<String, Object> execute(PhaseContext ctx, Map<String, Object> args) throws PhaseException {
        throw new PhaseException(NAME + ": TEMPORARY placeholder until the function lands");
    }
}
