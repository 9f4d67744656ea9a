package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.functions.args.ArgType;
import io.kanisterhooks.functions.args.Args;
import java.util.List;
import java.util.Map;

/** Deletes a VolumeSnapshot (one that does not exist is fine) and waits until it is gone. No output. */
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
    public Map<String, Object> run(PhaseContext ctx, Args args)
            throws ArgException, PhaseException, CancelledException {
        String name = args.required(ARG_NAME, ArgType.STRING);
        String namespace = args.required(CommonArgs.NAMESPACE, ArgType.STRING);
        CsiSnapshots.delete(ctx.kube(), CsiSnapshots.snapshotPath(namespace, name), "Failed to delete VolumeSnapshot");
        WaitForDeletion.await(ctx, CsiSnapshots.GROUP, CsiSnapshots.VERSION, CsiSnapshots.SNAPSHOTS, namespace, name);
        return null;
    }
}
