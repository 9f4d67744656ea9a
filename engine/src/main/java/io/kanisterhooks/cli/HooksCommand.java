package io.kanisterhooks.cli;

import io.kanisterhooks.hooks.RunOutcome;
import io.kanisterhooks.hooks.run.HookRun;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kanister-hooks hooks pre|post}: the two halves of a hook run, for callers that run the stage themselves. */
@Command(name = "hooks", mixinStandardHelpOptions = true,
        description = {"Run hooks around a stage that the caller runs itself (the Jenkins library does this).",
            "Progress and hook pod logs go to stderr; a JSON result (outcome, per namespace and hook: status and "
                    + "output artifacts) goes to stdout."},
        subcommands = {HooksCommand.Pre.class, HooksCommand.Post.class})
final class HooksCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** {@code hooks pre}. */
    @Command(name = "pre", mixinStandardHelpOptions = true,
            description = {"Start a run (or continue it, with --run, after a stage retry): claim the namespaces, run "
                    + "the preHook in every namespace where it has not succeeded yet, and keep the outcome and "
                    + "artifacts in the run's state (a Secret in the home namespace, or --state FILE).",
                "Exit 0 when every preHook succeeded, 1 when one failed (the stage must not run; call hooks post "
                        + "--run ID --outcome failure), 2 for bad input, 130/143 when aborted."})
    static final class Pre implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        HookOptions options = new HookOptions();

        @Mixin
        RunOptions runOptions = new RunOptions();

        @Override
        public Integer call() throws Exception {
            try (HookInvocation hooks = new HookInvocation(options, runOptions, HookRun.Step.PRE, System.err,
                    spec.commandLine().getErr())) {
                RunOutcome outcome = hooks.run.pre();
                hooks.run.finish(outcome.succeeded(), runOptions.reportDir, "hooks pre");
                hooks.printResult(spec.commandLine().getOut(), outcome);
                return hooks.exitCode(outcome.succeeded());
            }
        }
    }

    /** {@code hooks post}. */
    @Command(name = "post", mixinStandardHelpOptions = true,
            description = {"After the stage: onSuccess (retried up to maxRetries; if it still fails, onFailure runs) "
                    + "or onFailure (never retried), then always, in every namespace of the run, with the preHook's "
                    + "output artifacts as input artifacts; then the run's claims are released. Needs --run ID (or "
                    + "--state FILE); the run's state holds its hooks, blueprints and namespaces, so no file of the "
                    + "directory that ran hooks pre is needed.",
                "Exit 0 when the outcome is success and every hook succeeded, 1 otherwise, 2 for bad input (and for "
                        + "a run that already finished)."})
    static final class Post implements Callable<Integer> {

        /** The stage's outcome. */
        enum Outcome { success, failure, aborted }

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        HookOptions options = new HookOptions();

        @Mixin
        RunOptions runOptions = new RunOptions();

        @Option(names = "--outcome", required = true, paramLabel = "success|failure|aborted",
                description = "How the stage ended. aborted: onFailure and always run as for failure; with "
                        + "--no-hooks-on-abort none runs and the run is abandoned (its claims released; only `runs "
                        + "recover RUN` would run its hooks).")
        Outcome outcome;

        @Override
        public Integer call() throws Exception {
            try (HookInvocation hooks = new HookInvocation(options, runOptions, HookRun.Step.POST, System.err,
                    spec.commandLine().getErr())) {
                RunOutcome result = outcome == Outcome.aborted ? hooks.run.postAfterAbort()
                        : hooks.run.post(outcome == Outcome.success);
                boolean ok = result.succeeded() && outcome == Outcome.success;
                hooks.run.finish(ok, runOptions.reportDir, "hooks post --outcome " + outcome);
                hooks.printResult(spec.commandLine().getOut(), result);
                return hooks.exitCode(result.succeeded());
            }
        }
    }
}
