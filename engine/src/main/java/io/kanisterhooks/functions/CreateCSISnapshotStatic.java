package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import java.util.List;
import java.util.Map;

/** Creates a VolumeSnapshot from an existing snapshot handle (pre-provisioned content). */
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
    public Map<String, Object> execute(PhaseContext ctx, Map<String, Object> args) throws PhaseException {
        throw new PhaseException(NAME + ": TEMPORARY placeholder until the function lands");
    }
}
