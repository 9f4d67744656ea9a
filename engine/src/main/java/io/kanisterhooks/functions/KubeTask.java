package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.functions.args.ArgType;
import io.kanisterhooks.functions.args.Args;
import java.util.List;
import java.util.Map;

/**
 * Runs a command in a new pod ({@code kanister-job-*}) and returns the phase outputs printed in its log ({@code {}}
 * when there are none). The pod runs in the {@code namespace} argument, or in the home namespace (Kanister: the
 * controller's namespace); it is deleted when the phase ends, whatever happened.
 */
public final class KubeTask implements KanisterFunction {

    public static final String NAME = "KubeTask";
    public static final String ARG_IMAGE = "image";
    public static final String ARG_COMMAND = "command";
    static final String GENERATE_NAME = "kanister-job-";

    static final FunctionSignature SIGNATURE = new FunctionSignature(NAME,
            List.of(ARG_IMAGE, ARG_COMMAND),
            List.of(ARG_IMAGE, ARG_COMMAND, CommonArgs.NAMESPACE, CommonArgs.POD_OVERRIDE, CommonArgs.POD_ANNOTATIONS,
                    CommonArgs.POD_LABELS),
            true, FunctionSignature.Needs.NOTHING);

    @Override
    public FunctionSignature signature() {
        return SIGNATURE;
    }

    @Override
    public Map<String, Object> run(PhaseContext ctx, Args args)
            throws ArgException, PhaseException, CancelledException {
        String image = args.required(ARG_IMAGE, ArgType.STRING);
        List<String> command = args.required(ARG_COMMAND, ArgType.STRING_LIST);
        String namespace = args.optional(CommonArgs.NAMESPACE, ArgType.STRING, "");
        Map<String, Object> pod = JobPods.pod(ctx, namespace.isEmpty() ? ctx.homeNamespace() : namespace,
                GENERATE_NAME, JobPods.singleContainerSpec(image, command, List.of(), List.of()),
                PodArgs.podOverride(args), JobPods.MAIN_CONTAINER, PodArgs.labels(args), PodArgs.annotations(args));
        return new PodOutputs(ctx).run(pod, JobPods.MAIN_CONTAINER);
    }
}
