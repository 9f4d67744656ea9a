package io.kanisterhooks.cli;

import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.hooks.RunOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code kanister-hooks wrap [hook options] -- COMMAND...}: hooks around a command, in one process. */
@Command(name = "wrap", mixinStandardHelpOptions = true,
        description = {"Run the preHook, then COMMAND (its output passed through, retried --retries times after a "
                + "failure), then onSuccess or onFailure, then always.",
            "Exit code: the command's when it failed; else 0 unless a hook failed (1); 2 for bad input. On SIGTERM or "
                    + "SIGINT the command is stopped, running hook pods are deleted, onFailure and always run (unless "
                    + "--no-hooks-on-abort), and the exit code is 143 or 130."})
final class WrapCommand implements Callable<Integer> {

    /** How long a stopped command may take to exit before it is killed. */
    private static final long STOP_GRACE_SECONDS = 10;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HookOptions options = new HookOptions();

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command to run (after --).")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        int retries = options.retries == null ? 0 : options.retries;
        if (retries < 0) {
            throw new UserInputException("--retries must not be negative");
        }
        try (HookSession session = new HookSession(options, "wrap -- " + String.join(" ", command), System.err)) {
            session.open();
            RunOutcome pre = session.runner().pre();
            int exit = 0;
            boolean ran = false;
            if (pre.succeeded() && !session.abort.isCancelled()) {
                for (int attempt = 0; attempt <= retries; attempt++) {
                    if (attempt > 0) {
                        System.err.println("wrap: command failed with exit code " + exit + "; retry " + attempt
                                + " of " + retries);
                    }
                    exit = run(session.abort);
                    ran = true;
                    if (exit == 0 || session.abort.isCancelled()) {
                        break;
                    }
                }
            }
            boolean stageOk = pre.succeeded() && ran && exit == 0 && !session.abort.isCancelled();
            RunOutcome post = postHooks(session, stageOk);
            session.finish(stageOk && post.succeeded());
            if (session.signals.received()) {
                return session.signals.exitCode();
            }
            if (ran && exit != 0) {
                return exit;
            }
            return pre.succeeded() && post.succeeded() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    private RunOutcome postHooks(HookSession session, boolean stageOk) {
        if (!session.abort.isCancelled()) {
            RunOutcome post = session.runner().post(stageOk, session.abort);
            if (!post.aborted()) {
                return post;
            }
        }
        if (options.noHooksOnAbort) {
            return new RunOutcome(false, true, List.of(), Map.of());
        }
        session.sweepAfterAbort();
        return session.runner().post(false, Cancellation.none());
    }

    /** Runs the command with inherited stdio; on abort stops it (SIGTERM, then SIGKILL after a grace period). */
    private int run(Cancellation abort) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        Runnable unregister = abort.onCancel(() -> stop(process));
        try {
            return process.waitFor();
        } finally {
            unregister.run();
        }
    }

    /**
     * Stops the command and whatever it started: the command first, so that a shell cannot go on with its next step
     * once its current child is gone; its descendants are listed before, since they may leave its tree when it dies.
     */
    private static void stop(Process process) {
        List<ProcessHandle> all = new ArrayList<>(List.of(process.toHandle()));
        all.addAll(process.descendants().toList());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_GRACE_SECONDS);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                break; // the grace period is over
            }
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
