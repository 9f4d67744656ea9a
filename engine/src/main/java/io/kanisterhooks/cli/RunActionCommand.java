package io.kanisterhooks.cli;

import io.kanisterhooks.action.ActionListener;
import io.kanisterhooks.action.ActionRequest;
import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.Engine;
import io.kanisterhooks.action.PhaseResult;
import io.kanisterhooks.action.Subject;
import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.blueprint.ObjectReference;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.functions.PodSettings;
import io.kanisterhooks.secrets.SecretValues;
import io.kanisterhooks.yaml.Problems;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kanister-hooks run-action}: one blueprint action, like a Kanister ActionSet, without the controller. */
@Command(name = "run-action", mixinStandardHelpOptions = true,
        description = {"Run a blueprint action on one or more subjects (in parallel), as Kanister runs an ActionSet.",
            "Phase logs go to stderr prefixed with namespace/action/phase; the rendered output artifacts go to "
                    + "stdout. Exit 0 on success, 1 when a phase failed (its error and last log lines on stderr), "
                    + "2 for bad input."})
final class RunActionCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ActionOptions action = new ActionOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "json",
            description = "json (default) or yaml.")
    ResultFormat output;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Problems problems = new Problems();
        ActionBlueprint blueprint = action.check(problems);
        List<Subject> subjects = ActionOptions.subjects(action.subjects, action.namespace, problems);
        Map<String, Artifact> artifactsIn = ActionOptions.artifactsIn(action.artifacts, problems);
        Map<String, ObjectReference> secretRefs = ActionOptions.references(action.secrets, "--secret", new Problems());
        Map<String, ObjectReference> configMapRefs = ActionOptions.references(action.configMaps, "--configmap",
                new Problems());
        Engine connected = Connections.engine(action.cluster, problems);
        InputProblems.report(problems, err);
        try (Engine engine = connected) {
            Blueprint bp = blueprint.resolve(engine, err);
            Cancellation abort = Cancellation.none();
            AbortSignals signals = AbortSignals.install(abort);
            List<CompletableFuture<ActionResult>> runs = new ArrayList<>();
            for (Subject s : subjects) {
                ActionRequest request = new ActionRequest(bp, action.action, s, action.options, artifactsIn,
                        PodSettings.NONE, action.homeNamespace(), secretRefs, configMapRefs);
                runs.add(CompletableFuture.supplyAsync(() -> engine.actions().execute(request,
                        new PrefixedLog(err, s.namespace() + "/" + action.action, engine.secrets()), abort)));
            }
            List<ActionResult> results = runs.stream().map(CompletableFuture::join).toList();
            results.stream().filter(r -> !r.succeeded()).forEach(r -> ActionFailures.print(r, err, engine.secrets()));
            spec.commandLine().getOut().println(ResultFormat.render(output, ActionResults.summary(results)));
            spec.commandLine().getOut().flush();
            if (signals.received()) {
                return signals.exitCode();
            }
            return results.stream().allMatch(ActionResult::succeeded) ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    /** Phase log lines to stderr as {@code namespace/action/phase | line}, secrets masked. */
    record PrefixedLog(PrintWriter err, String prefix, SecretValues secrets) implements ActionListener {
        @Override
        public void log(String phase, String line) {
            synchronized (err) {
                err.println(prefix + "/" + phase + " | " + secrets.mask(line));
                err.flush();
            }
        }

        @Override
        public void phaseFinished(PhaseResult result) {
            synchronized (err) {
                err.println(prefix + "/" + result.name() + ": " + result.state().lower()
                        + (result.error() == null ? "" : ": " + secrets.mask(result.error())));
                err.flush();
            }
        }
    }
}
