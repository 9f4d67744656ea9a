package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.functions.args.ArgType;
import io.kanisterhooks.functions.args.Args;
import java.util.List;
import java.util.Map;

/**
 * Deletes a (cluster-scoped) VolumeSnapshotContent; one that does not exist is fine. As in Kanister, it does not wait
 * until the content is gone. No output.
 */
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
    public Map<String, Object> run(PhaseContext ctx, Args args) throws ArgException, PhaseException {
        String name = args.required(ARG_NAME, ArgType.STRING);
        CsiSnapshots.delete(ctx.kube(), CsiSnapshots.contentPath(name), "Failed to delete");
        return null;
    }
}
