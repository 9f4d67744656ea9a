package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import java.util.List;
import java.util.Map;

/** Runs a command in a new pod with the subject's (or the given) PVCs mounted. */
public final class PrepareData implements KanisterFunction {

    public static final String NAME = "PrepareData";
    public static final String ARG_IMAGE = "image";
    public static final String ARG_COMMAND = "command";
    public static final String ARG_VOLUMES = "volumes";
    public static final String ARG_SERVICEACCOUNT = "serviceaccount";
    public static final String ARG_FAIL_ON_ERROR = "failOnError";

    static final FunctionSignature SIGNATURE = new FunctionSignature(NAME,
            List.of(CommonArgs.NAMESPACE, ARG_IMAGE, ARG_COMMAND),
            List.of(CommonArgs.NAMESPACE, ARG_IMAGE, ARG_COMMAND, ARG_VOLUMES, ARG_SERVICEACCOUNT, CommonArgs.POD_OVERRIDE, CommonArgs.POD_ANNOTATIONS, CommonArgs.POD_LABELS, ARG_FAIL_ON_ERROR),
            true, FunctionSignature.Needs.NOTHING);

    @Override
    public FunctionSignature signature() {
        return SIGNATURE;
    }

    @Override
    public Map<String, Object> execute(PhaseContext ctx, Map<String, Object> args) throws PhaseException {
        throw new PhaseException(NAME + ": TEMPORARY placeholder until the function lands");
    }
}
