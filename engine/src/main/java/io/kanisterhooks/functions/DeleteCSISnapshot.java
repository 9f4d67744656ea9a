package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import java.util.List;

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
}
