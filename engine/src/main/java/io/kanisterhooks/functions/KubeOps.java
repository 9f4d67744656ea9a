package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import java.util.List;
import java.util.Map;

/** Creates, patches or deletes a Kubernetes object. */
public final class KubeOps implements KanisterFunction {

    public static final String NAME = "KubeOps";
    public static final String ARG_OPERATION = "operation";
    public static final String ARG_SPEC = "spec";
    public static final String ARG_OBJECT_REFERENCE = "objectReference";

    static final FunctionSignature SIGNATURE = new FunctionSignature(NAME,
            List.of(ARG_OPERATION),
            List.of(ARG_OPERATION, ARG_SPEC, CommonArgs.NAMESPACE, ARG_OBJECT_REFERENCE),
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
