package io.kanisterhooks.hooks.run;

import io.kanisterhooks.cancel.Cancellation;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command {@code wrap} runs between its hooks, with the caller's stdin, stdout and stderr (its output passed
 * through unchanged, its last lines kept for the reports: {@link StageOutput}). Its exit code is a shell's: a command
 * that cannot be found ends with 127, one that cannot be executed with 126, one killed by a signal with 128 + the
 * signal — so a command that cannot start is just a failed stage, and onFailure and always follow.
 */
public final class StageCommand {

    /** How long a stopped command may take to exit before it is killed. */
    private static final long STOP_GRACE_SECONDS = 10;
    private static final Pattern ERRNO = Pattern.compile("error=(\\d+), (.*)$");

    /**
     * How one attempt ended.
     *
     * @param problem   why it could not start, else null
     * @param lastLines the last lines of its output, where that output is not a terminal (not masked: the reports
     *                  mask them)
     */
    public record Exit(int code, String problem, Instant started, Instant finished, List<String> lastLines) {
        public boolean succeeded() {
            return code == 0;
        }
    }

    private final List<String> command;

    public StageCommand(List<String> command) {
        this.command = List.copyOf(command);
    }

    public List<String> command() {
        return command;
    }

    /** Runs the command; on cancellation stops it (SIGTERM, then SIGKILL after a grace period). */
    public Exit run(Cancellation abort) {
        Instant started = Instant.now();
        StageOutput output = StageOutput.forThisProcess();
        Process process;
        try {
            process = output.redirect(new ProcessBuilder(command)).start();
        } catch (IOException e) {
            return cannotStart(e, started);
        }
        output.pump(process);
        Runnable unregister = abort.onCancel(() -> stop(process));
        int code;
        String problem = null;
        try {
            code = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            code = 128 + 2;
            problem = "interrupted";
        } finally {
            unregister.run();
        }
        output.drain();
        return new Exit(code, problem, started, Instant.now(), output.lastLines());
    }

    private Exit cannotStart(IOException e, Instant started) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher m = ERRNO.matcher(message);
        int errno = m.find() ? Integer.parseInt(m.group(1)) : 0;
        String reason = m.find(0) ? m.group(2) : message;
        // ENOENT: not found (a shell's 127); anything else, e.g. EACCES: found but cannot be executed (126)
        return new Exit(errno == 2 ? 127 : 126, command.get(0) + ": " + reason, started, Instant.now(), List.of());
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
