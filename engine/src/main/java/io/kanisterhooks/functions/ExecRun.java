package io.kanisterhooks.functions;

import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.kube.PodExec;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * One command in one container, as Kanister's {@code kube.Exec} runs it: every stdout and stderr line goes to its
 * sink as it arrives, the last ten non-blank lines of each stream are kept, and a failure is worded like Kanister's
 * {@code ExecError} wrapped in "Failed to exec command in pod".
 */
final class ExecRun {

    private static final int TAIL = 10;

    private final PodExec exec;
    private final Tail stdout;
    private final Tail stderr;

    private ExecRun(PodExec exec, Tail stdout, Tail stderr) {
        this.exec = exec;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts the command; it runs until it ends or the phase is cancelled.
     *
     * @param container empty for none (the API server then refuses pods with several containers)
     */
    static ExecRun start(PhaseContext ctx, String namespace, String pod, String container, List<String> command,
                         Consumer<String> stdoutLines, Consumer<String> stderrLines) {
        Tail out = new Tail();
        Tail err = new Tail();
        PodExec exec = PodExec.start(ctx.kube().streamClient(), namespace, pod, container, command,
                line -> {
                    out.add(line);
                    stdoutLines.accept(line);
                },
                line -> {
                    err.add(line);
                    stderrLines.accept(line);
                }, ctx.cancellation());
        return new ExecRun(exec, out, err);
    }

    /**
     * Waits for the end of the command and all its output.
     *
     * @return null when it exited 0, else Kanister's error:
     *         {@code Failed to exec command in pod: <cause>.\nstdout: <tail>\nstderr: <tail>}
     */
    String await() throws CancelledException {
        String error = exec.await();
        if (error == null) {
            return null;
        }
        return "Failed to exec command in pod: " + error + ".\nstdout: " + stdout + "\nstderr: " + stderr;
    }

    /** Kanister's {@code LogTail}: the last lines, trimmed, blank ones skipped, joined with {@code \r\n}. */
    private static final class Tail {
        private final Deque<String> lines = new ArrayDeque<>();

        synchronized void add(String line) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                return;
            }
            lines.addLast(trimmed);
            if (lines.size() > TAIL) {
                lines.removeFirst();
            }
        }

        @Override
        public synchronized String toString() {
            return String.join("\r\n", lines);
        }
    }
}
