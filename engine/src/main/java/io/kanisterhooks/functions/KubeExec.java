package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.functions.args.ArgType;
import io.kanisterhooks.functions.args.Args;
import java.util.List;
import java.util.Map;

/**
 * Runs a command (an argv, no shell) in a container of an existing pod. Its stdout goes to the phase log and is
 * searched for phase outputs; its stderr only goes to the phase log. A command that does not exit 0 fails the phase
 * with its last lines, and its outputs are dropped. Without any output marker the phase has no output (nil).
 */
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
    public Map<String, Object> run(PhaseContext ctx, Args args)
            throws ArgException, PhaseException, CancelledException {
        String namespace = args.required(CommonArgs.NAMESPACE, ArgType.STRING);
        String pod = args.required(ARG_POD, ArgType.STRING);
        String container = args.optional(ARG_CONTAINER, ArgType.STRING, "");
        List<String> command = args.required(ARG_COMMAND, ArgType.STRING_LIST);
        PodLogOutputs outputs = new PodLogOutputs();
        String error = ExecRun.start(ctx, namespace, pod, container, command, line -> {
            ctx.log().accept(line);
            outputs.accept(line);
        }, ctx.log()).await();
        if (error != null) {
            throw new PhaseException(error);
        }
        return outputs.finish();
    }
}
