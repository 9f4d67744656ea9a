package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.functions.args.ArgType;
import io.kanisterhooks.functions.args.Args;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a command in every listed container of every listed pod ({@code pods} and {@code containers} are
 * space-separated lists), all at once. When any of them fails, the phase fails with all their errors, one per line.
 * Otherwise the outputs printed on all their stdouts are merged; where two print the same key, the one later in
 * pod × container order wins (Kanister concatenates stdouts in completion order, which is a race).
 */
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
    public Map<String, Object> run(PhaseContext ctx, Args args)
            throws ArgException, PhaseException, CancelledException {
        String namespace = args.required(CommonArgs.NAMESPACE, ArgType.STRING);
        List<String> pods = Args.fields(args.required(ARG_PODS, ArgType.STRING));
        List<String> containers = Args.fields(args.required(ARG_CONTAINERS, ArgType.STRING));
        List<String> command = args.required(ARG_COMMAND, ArgType.STRING_LIST);
        List<ExecRun> runs = new ArrayList<>();
        List<PodLogOutputs> outputs = new ArrayList<>();
        for (String pod : pods) {
            for (String container : containers) {
                PodLogOutputs out = new PodLogOutputs();
                Consumer<String> log = logAs(ctx, pod + "/" + container);
                runs.add(ExecRun.start(ctx, namespace, pod, container, command, line -> {
                    log.accept(line);
                    out.accept(line);
                }, log));
                outputs.add(out);
            }
        }
        List<String> errors = new ArrayList<>();
        for (ExecRun run : runs) {
            String error = run.await();
            if (error != null) {
                errors.add(error);
            }
        }
        if (!errors.isEmpty()) {
            throw new PhaseException(String.join("\n", errors));
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        for (PodLogOutputs out : outputs) {
            Map<String, Object> one = out.finish();
            if (one != null) {
                merged.putAll(one);
            }
        }
        return merged.isEmpty() ? null : merged;
    }

    /** Lines of concurrent commands reach the phase log whole, each prefixed with where it comes from. */
    private static Consumer<String> logAs(PhaseContext ctx, String source) {
        return line -> {
            synchronized (ctx) {
                ctx.log().accept(source + ": " + line);
            }
        };
    }
}
