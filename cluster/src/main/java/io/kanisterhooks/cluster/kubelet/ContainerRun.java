package io.kanisterhooks.cluster.kubelet;

import io.kanisterhooks.cluster.process.ProcessGroups;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of a container: a local process (leader of its own process group) whose merged stdout and stderr are pumped
 * into a {@link ContainerLog}. {@link #finished()} completes only after the process has exited AND its output has been
 * drained, so a terminated status is never written before the log is complete.
 */
final class ContainerRun {
    /** How long output may keep arriving after the main process ended (from processes outside its group). */
    private static final long DRAIN_TIMEOUT_MS = 2000;

    private final String containerId;
    private final int restartCount;
    private final ContainerLog log;
    private final Process process;
    private final Instant startedAt;
    private final CompletableFuture<Void> drained;
    private final CompletableFuture<ContainerRun> finished = new CompletableFuture<>();
    private volatile Instant finishedAt;
    private volatile int exitCode;
    private volatile boolean ready;

    private ContainerRun(String containerId, int restartCount, ContainerLog log, Process process,
            CompletableFuture<Void> drained) {
        this.containerId = containerId;
        this.restartCount = restartCount;
        this.log = log;
        this.process = process;
        this.drained = drained;
        this.startedAt = Instant.now();
    }

    static ContainerRun start(String containerId, int restartCount, ContainerConfig config, List<String> command,
            Path logFile, Executor executor) throws IOException {
        ContainerLog log = new ContainerLog(logFile);
        ProcessBuilder builder = config.process(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            log.close();
            throw e;
        }
        CompletableFuture<Void> drained =
                CompletableFuture.runAsync(() -> pump(process.getInputStream(), log), executor);
        ContainerRun run = new ContainerRun(containerId, restartCount, log, process, drained);
        process.onExit().thenRunAsync(run::afterExit, executor);
        return run;
    }

    private static void pump(InputStream in, ContainerLog log) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                log.append(buffer, n);
            }
        } catch (IOException e) {
            // the stream was closed after the drain timeout: what was read is in the log
        } finally {
            log.close();
        }
    }

    private void afterExit() {
        finishedAt = Instant.now();
        exitCode = process.exitValue();
        // what the container started in the background dies with it, as with a real container's PID namespace
        ProcessGroups.signal(process.pid(), "KILL");
        try {
            drained.get(DRAIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            try {
                process.getInputStream().close();
            } catch (IOException ignored) {
                // closing unblocks the pump; nothing else to do
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the pump logs nothing and cannot fail in a way that matters here
        }
        finished.complete(this);
    }

    /** Signals the whole process group (e.g. TERM, KILL). */
    void signal(String signal) {
        if (!finished.isDone()) {
            ProcessGroups.signal(process.pid(), signal);
        }
    }

    /** Signals only the main process (a server's stop signal, which its own processes must not get too). */
    void signalMain(String signal) {
        if (!finished.isDone()) {
            ProcessGroups.signalProcess(process.pid(), signal);
        }
    }

    CompletableFuture<ContainerRun> finished() {
        return finished;
    }

    boolean isRunning() {
        return !finished.isDone();
    }

    /** Running and passed its readiness check (see {@link Readiness}). */
    boolean isReady() {
        return ready && isRunning();
    }

    void setReady(boolean ready) {
        this.ready = ready;
    }

    long pid() {
        return process.pid();
    }

    String containerId() {
        return containerId;
    }

    int restartCount() {
        return restartCount;
    }

    ContainerLog log() {
        return log;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    int exitCode() {
        return exitCode;
    }
}
