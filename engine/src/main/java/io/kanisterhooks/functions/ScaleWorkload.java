package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import java.util.List;
import java.util.Map;

/** Scales a StatefulSet, Deployment or DeploymentConfig and waits until it is ready. */
public final class ScaleWorkload implements KanisterFunction {

    public static final String NAME = "ScaleWorkload";
    public static final String ARG_REPLICAS = "replicas";
    public static final String ARG_NAME = "name";
    public static final String ARG_KIND = "kind";
    public static final String ARG_WAIT_FOR_READY = "waitForReady";

    static final FunctionSignature SIGNATURE = new FunctionSignature(NAME,
            List.of(ARG_REPLICAS),
            List.of(ARG_REPLICAS, CommonArgs.NAMESPACE, ARG_NAME, ARG_KIND, ARG_WAIT_FOR_READY),
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
