package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import java.util.List;

/** Runs a command in a new pod and collects its phase outputs from the pod's log. */
public final class KubeTask implements KanisterFunction {

    public static final String NAME = "KubeTask";
    public static final String ARG_IMAGE = "image";
    public static final String ARG_COMMAND = "command";

    static final FunctionSignature SIGNATURE = new FunctionSignature(NAME,
            List.of(ARG_IMAGE, ARG_COMMAND),
            List.of(ARG_IMAGE, ARG_COMMAND, CommonArgs.NAMESPACE, CommonArgs.POD_OVERRIDE, CommonArgs.POD_ANNOTATIONS, CommonArgs.POD_LABELS),
            true, FunctionSignature.Needs.NOTHING);

    @Override
    public FunctionSignature signature() {
        return SIGNATURE;
    }
}
