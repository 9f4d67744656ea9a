package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.functions.MultiContainerPod.Part;
import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.functions.args.ArgType;
import io.kanisterhooks.functions.args.Args;
import java.util.List;
import java.util.Map;

/**
 * Runs a pod ({@code kanister-job-*}) with a background and an output container, optionally after an init container,
 * all sharing an emptyDir volume mounted at {@code sharedVolumeDir}. The phase outputs come from the output
 * container's log; the phase ends when the whole pod has ended, and fails when the pod failed.
 *
 * <p>Kanister deletes this pod only when the whole action ends; here it is deleted when the phase ends, like every
 * other job pod (nothing after the phase can use it: its containers have ended by then).
 */
public final class MultiContainerRun implements KanisterFunction {

    public static final String NAME = "MultiContainerRun";
    public static final String ARG_BACKGROUND_IMAGE = "backgroundImage";
    public static final String ARG_BACKGROUND_COMMAND = "backgroundCommand";
    public static final String ARG_OUTPUT_IMAGE = "outputImage";
    public static final String ARG_OUTPUT_COMMAND = "outputCommand";
    public static final String ARG_INIT_IMAGE = "initImage";
    public static final String ARG_INIT_COMMAND = "initCommand";
    public static final String ARG_SHARED_VOLUME_MEDIUM = "sharedVolumeMedium";
    public static final String ARG_SHARED_VOLUME_SIZE_LIMIT = "sharedVolumeSizeLimit";
    public static final String ARG_SHARED_VOLUME_DIR = "sharedVolumeDir";
    static final String DEFAULT_SHARED_DIR = "/tmp/";
    static final String DEFAULT_CONTAINER_ANNOTATION = "kubectl.kubernetes.io/default-container";

    static final FunctionSignature SIGNATURE = new FunctionSignature(NAME,
            List.of(ARG_BACKGROUND_IMAGE, ARG_BACKGROUND_COMMAND, ARG_OUTPUT_IMAGE, ARG_OUTPUT_COMMAND),
            List.of(ARG_BACKGROUND_IMAGE, ARG_BACKGROUND_COMMAND, ARG_OUTPUT_IMAGE, ARG_OUTPUT_COMMAND,
                    CommonArgs.NAMESPACE, ARG_INIT_IMAGE, ARG_INIT_COMMAND, ARG_SHARED_VOLUME_MEDIUM,
                    ARG_SHARED_VOLUME_SIZE_LIMIT, ARG_SHARED_VOLUME_DIR, CommonArgs.POD_OVERRIDE,
                    CommonArgs.POD_LABELS, CommonArgs.POD_ANNOTATIONS),
            true, FunctionSignature.Needs.NOTHING);

    @Override
    public FunctionSignature signature() {
        return SIGNATURE;
    }

    @Override
    public Map<String, Object> run(PhaseContext ctx, Args args)
            throws ArgException, PhaseException, CancelledException {
        Part background = new Part(MultiContainerPod.BACKGROUND, args.required(ARG_BACKGROUND_IMAGE, ArgType.STRING),
                args.required(ARG_BACKGROUND_COMMAND, ArgType.STRING_LIST));
        Part output = new Part(MultiContainerPod.OUTPUT, args.required(ARG_OUTPUT_IMAGE, ArgType.STRING),
                args.required(ARG_OUTPUT_COMMAND, ArgType.STRING_LIST));
        String initImage = args.optional(ARG_INIT_IMAGE, ArgType.STRING, "");
        Part init = initImage.isEmpty() ? null : new Part(MultiContainerPod.INIT, initImage,
                args.optional(ARG_INIT_COMMAND, ArgType.STRING_LIST, null));
        String namespace = args.optional(CommonArgs.NAMESPACE, ArgType.STRING, "");
        String sizeLimit = args.optional(ARG_SHARED_VOLUME_SIZE_LIMIT, ArgType.STRING, "");
        Map<String, Object> spec = MultiContainerPod.defaultSpec(output, background, init,
                args.optional(ARG_SHARED_VOLUME_MEDIUM, ArgType.STRING, ""),
                sizeLimit.isEmpty() ? null : MultiContainerPod.quantity(sizeLimit),
                args.optional(ARG_SHARED_VOLUME_DIR, ArgType.STRING, DEFAULT_SHARED_DIR));
        Map<String, String> annotations = PodStringMaps.annotations(args);
        annotations.put(DEFAULT_CONTAINER_ANNOTATION, MultiContainerPod.OUTPUT);
        Map<String, Object> pod = JobPods.pod(withRunOverride(ctx, init != null),
                namespace.isEmpty() ? ctx.homeNamespace() : namespace, KubeTask.GENERATE_NAME, spec,
                PodArgs.podOverride(args), MultiContainerPod.OUTPUT, PodStringMaps.labels(args), annotations);
        return new PodOutputs(ctx).run(MultiContainerPod.createdByKanister(pod), MultiContainerPod.OUTPUT);
    }

    /** The phase's context with the run-level override as this function reads it (the generic container expanded). */
    private static PhaseContext withRunOverride(PhaseContext ctx, boolean hasInit) {
        PodSettings run = ctx.pods();
        PodSettings expanded = new PodSettings(run.labels(), run.annotations(),
                MultiContainerPod.expandGenericContainer(run.podOverride(), hasInit), run.policy());
        return ctx.withPods(expanded);
    }
}
