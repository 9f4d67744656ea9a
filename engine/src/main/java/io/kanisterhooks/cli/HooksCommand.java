package io.kanisterhooks.cli;

import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.hooks.RunOutcome;
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
            description = {"Run the preHook in every namespace where it has not succeeded yet (a retried stage does "
                    + "not run a successful preHook again) and record the outcome and artifacts in the run-state file.",
                "Exit 0 when every preHook succeeded, 1 when one failed (the stage must not run; call hooks post "
                        + "--outcome failure), 2 for bad input, 130/143 when aborted."})
    static final class Pre implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        HookOptions options = new HookOptions();

        @Override
        public Integer call() throws Exception {
            if (options.retries != null) {
                throw new UserInputException("--retries applies to wrap; with hooks pre/post the caller retries the "
                        + "stage and calls hooks pre again");
            }
            try (HookSession session = new HookSession(options, "hooks pre", System.err)) {
                session.open();
                RunOutcome outcome = session.runner().pre();
                session.finish(outcome.succeeded());
                return HooksCommand.print(spec, session, outcome);
            }
        }
    }

    /** {@code hooks post}. */
    @Command(name = "post", mixinStandardHelpOptions = true,
            description = {"After the stage: onSuccess (retried up to maxRetries; if it still fails, onFailure runs) "
                    + "or onFailure (never retried), then always, in every namespace, with the preHook's output "
                    + "artifacts as input artifacts. A hook that completed is never run again.",
                "Exit 0 when the outcome is success and every hook succeeded, 1 otherwise, 2 for bad input."})
    static final class Post implements Callable<Integer> {

        /** The stage's outcome. */
        enum Outcome { success, failure }

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        HookOptions options = new HookOptions();

        @Option(names = "--outcome", required = true, description = "How the stage ended: success or failure.")
        Outcome outcome;

        @Override
        public Integer call() throws Exception {
            if (options.retries != null) {
                throw new UserInputException("--retries applies to wrap; with hooks pre/post the caller retries the "
                        + "stage and calls hooks pre again");
            }
            try (HookSession session = new HookSession(options, "hooks post --outcome " + outcome, System.err)) {
                session.open();
                RunOutcome result = session.runner().post(outcome == Outcome.success, session.abort);
                if (result.aborted() && !options.noHooksOnAbort) {
                    result = session.runner().post(false, Cancellation.none());
                }
                session.finish(result.succeeded() && outcome == Outcome.success);
                return HooksCommand.print(spec, session, result);
            }
        }
    }

    static int print(CommandLine.Model.CommandSpec spec, HookSession session, RunOutcome outcome) {
        spec.commandLine().getOut().println(ResultFormat.render(ResultFormat.json, session.result(outcome)));
        spec.commandLine().getOut().flush();
        if (session.signals.received()) {
            return session.signals.exitCode();
        }
        return outcome.succeeded() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
