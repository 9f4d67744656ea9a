package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import java.util.List;
import java.util.Map;

/** Runs a command in every listed container of every listed pod, concurrently. */
public final class KubeExecAll implements KanisterFunction {

    public static final String NAME = "KubeExecAll";
    public static final String ARG_PODS = "pods";
    public static final String ARG_CONTAINERS = "containers";
    public static final String ARG_COMMAND = "command";

    static final FunctionSignature SIGNATURE = new FunctionSignature(NAME,
            List.of(CommonArgs.NAMESPACE, ARG_PODS, ARG_CONTAINERS, ARG_COMMAND),
            List.of(CommonArgs.NAMESPACE, ARG_PODS, ARG_CONTAINERS, ARG_COMMAND),
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
