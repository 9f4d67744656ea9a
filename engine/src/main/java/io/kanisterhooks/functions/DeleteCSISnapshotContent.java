package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import java.util.List;
import java.util.Map;

/** Deletes a VolumeSnapshotContent and waits until it is gone. */
public final class DeleteCSISnapshotContent implements KanisterFunction {

    public static final String NAME = "DeleteCSISnapshotContent";
    public static final String ARG_NAME = "name";

    static final FunctionSignature SIGNATURE = new FunctionSignature(NAME,
            List.of(ARG_NAME),
            List.of(ARG_NAME),
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
