package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import java.util.List;
import java.util.Map;

/** Runs a background and an output container sharing a volume; outputs come from the output container. */
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

    static final FunctionSignature SIGNATURE = new FunctionSignature(NAME,
            List.of(ARG_BACKGROUND_IMAGE, ARG_BACKGROUND_COMMAND, ARG_OUTPUT_IMAGE, ARG_OUTPUT_COMMAND),
            List.of(ARG_BACKGROUND_IMAGE, ARG_BACKGROUND_COMMAND, ARG_OUTPUT_IMAGE, ARG_OUTPUT_COMMAND, CommonArgs.NAMESPACE, ARG_INIT_IMAGE, ARG_INIT_COMMAND, ARG_SHARED_VOLUME_MEDIUM, ARG_SHARED_VOLUME_SIZE_LIMIT, ARG_SHARED_VOLUME_DIR, CommonArgs.POD_OVERRIDE, CommonArgs.POD_LABELS, CommonArgs.POD_ANNOTATIONS),
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
