package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import java.util.List;
import java.util.Map;

/** Deletes a VolumeSnapshot and waits until it is gone. */
public final class DeleteCSISnapshot implements KanisterFunction {

    public static final String NAME = "DeleteCSISnapshot";
    public static final String ARG_NAME = "name";

    static final FunctionSignature SIGNATURE = new FunctionSignature(NAME,
            List.of(ARG_NAME, CommonArgs.NAMESPACE),
            List.of(ARG_NAME, CommonArgs.NAMESPACE),
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
