package io.kanisterhooks.cli;

import io.kanisterhooks.action.Engine;
import io.kanisterhooks.kube.KubeConfigException;
import io.kanisterhooks.kube.KubeConfigSource;
import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.SourcePosition;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** The engine of one command, connected to the cluster the options name. */
final class Connections {

    /** Kanister's {@code TIMEOUT_WORKER_POD_READY} (minutes), honoured under the same name. */
    static final String POD_READY_TIMEOUT_ENV = "TIMEOUT_WORKER_POD_READY";

    private Connections() {
    }

    /** The engine, or a bad-input exception for an unusable kubeconfig. Sends no request. */
    static Engine engine(ClusterOptions options) {
        Problems problems = new Problems();
        Engine engine = engine(options, problems);
        if (engine == null) {
            throw new UserInputException(problems.sorted().get(0).toString());
        }
        return engine;
    }

    /**
     * The engine; null, with the problem in {@code problems}, when the kubeconfig (or an environment setting) cannot
     * be used. Reads the kubeconfig only: no request is sent.
     */
    static Engine engine(ClusterOptions options, Problems problems) {
        Duration podReady = podReadyTimeout(problems);
        try {
            return Engine.connect(KubeConfigSource.fromEnvironment(options.kubeconfig, options.context), podReady);
        } catch (KubeConfigException e) {
            problems.error(e.position(), e.getMessage());
            return null;
        }
    }

    /** What {@link #whileChecking} returns: the engine and what the checks returned. */
    record Checked<T>(Engine engine, T checked) {
    }

    /**
     * Builds the engine ({@link #engine(ClusterOptions, Problems)}) on another thread while {@code checks} runs on this
     * one, then reports the problems of both on {@code err} ({@link InputProblems#report}). Each costs 0.1–0.3 s of a
     * command's start, most of it loading classes, and on two cores they overlap (README, CLI start-up). No request is
     * sent and no connection opened; when the checks throw or find problems, the engine is closed. What both threads
     * may initialise first (the YAML reader, SnakeYAML, the JDK) has no static-initialisation cycle that could
     * deadlock two threads; the template engine, whose value types refer to one another, is used by the checks only.
     */
    static <T> Checked<T> whileChecking(ClusterOptions options, Problems problems, PrintWriter err,
                                        Callable<T> checks) throws Exception {
        Problems connectProblems = new Problems();
        FutureTask<Engine> connecting = new FutureTask<>(() -> engine(options, connectProblems));
        Thread connector = new Thread(connecting, "kanister-hooks-connect");
        connector.setDaemon(true);
        connector.start();
        try {
            T checked = checks.call();
            Engine engine = joined(connecting);
            problems.addAll(connectProblems);
            InputProblems.report(problems, err);
            return new Checked<>(engine, checked);
        } catch (Exception | Error e) {
            closeWhenBuilt(connecting);
            throw e;
        }
    }

    private static void closeWhenBuilt(FutureTask<Engine> connecting) {
        try {
            Engine engine = connecting.get();
            if (engine != null) {
                engine.close();
            }
        } catch (ExecutionException e) {
            // nothing was built; the checks' exception is the one that matters
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Engine joined(FutureTask<Engine> connecting) throws InterruptedException {
        try {
            return connecting.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Duration podReadyTimeout(Problems problems) {
        String minutes = System.getenv(POD_READY_TIMEOUT_ENV);
        try {
            return minutes == null ? Duration.ofMinutes(15) : Duration.ofMinutes(Long.parseLong(minutes.trim()));
        } catch (NumberFormatException e) {
            problems.error(SourcePosition.ofFile(POD_READY_TIMEOUT_ENV), POD_READY_TIMEOUT_ENV + " must be a number "
                    + "of minutes, not \"" + minutes + "\"");
            return Duration.ofMinutes(15);
        }
    }
}
