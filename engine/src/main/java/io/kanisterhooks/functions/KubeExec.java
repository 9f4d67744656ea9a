package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import java.util.List;
import java.util.Map;

/** Runs a command in a container of an existing pod; outputs come from its stdout. */
public final class KubeExec implements KanisterFunction {

    public static final String NAME = "KubeExec";
    public static final String ARG_POD = "pod";
    public static final String ARG_COMMAND = "command";
    public static final String ARG_CONTAINER = "container";

    static final FunctionSignature SIGNATURE = new FunctionSignature(NAME,
            List.of(CommonArgs.NAMESPACE, ARG_POD, ARG_COMMAND),
            List.of(CommonArgs.NAMESPACE, ARG_POD, ARG_COMMAND, ARG_CONTAINER),
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
