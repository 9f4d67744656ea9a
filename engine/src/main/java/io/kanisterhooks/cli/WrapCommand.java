package io.kanisterhooks.cli;

import io.kanisterhooks.hooks.report.ShellQuoting;
import io.kanisterhooks.hooks.run.HookRun;
import io.kanisterhooks.hooks.run.StageCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kanister-hooks wrap [hook options] -- COMMAND...}: hooks around a command, in one process. */
@Command(name = "wrap", mixinStandardHelpOptions = true,
        description = {"Run the preHook, then COMMAND (its output passed through, retried --retries times after a "
                + "failure), then onSuccess or onFailure, then always. Every wrap is a new run unless --run names "
                + "an unfinished one.",
            "Exit code: the command's when it failed (127 when it cannot be found, 126 when it cannot be executed, "
                    + "128+N when killed by signal N — onFailure and always ran in each case); else 0 unless a hook "
                    + "failed (1); 2 for bad input. On SIGTERM or SIGINT the command is stopped, running hook pods "
                    + "are deleted, onFailure and always run (unless --no-hooks-on-abort), and the exit code is 143 "
                    + "or 130."})
final class WrapCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HookOptions options = new HookOptions();

    @Mixin
    RunOptions runOptions = new RunOptions();

    @Option(names = "--retries", paramLabel = "N", description = "How often the command is retried after it failed "
            + "(hooks that succeeded are not run again). Default: 0.")
    Integer retries;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command to run (after --).")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        runOptions.retries = retries;
        try (HookInvocation hooks = new HookInvocation(options, runOptions, HookRun.Step.WRAP, System.err,
                spec.commandLine().getErr())) {
            HookRun.WrapOutcome w = hooks.run.wrap(new StageCommand(command), retries == null ? 0 : retries);
            hooks.run.finish(w.stageSucceeded() && w.post().succeeded(), runOptions.reportDir,
                    "wrap -- " + ShellQuoting.join(command));
            if (hooks.signals.received()) {
                return hooks.signals.exitCode();
            }
            if (w.stage() != null && !w.stage().succeeded()) {
                return w.stage().code();
            }
            return w.pre().succeeded() && w.post().succeeded() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
