package io.kanisterhooks.cluster;

import io.kanisterhooks.cluster.supervisor.SupervisorMain;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A running local cluster, seen from a client JVM: either launched here (a supervisor JVM, {@link SupervisorMain}, that
 * dies with this JVM) or attached to one that {@code bin/local-cluster start} runs.
 */
public final class LocalCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final ClusterDir dir;
    private final ClusterInfo info;
    private final Process supervisor;
    private ApiClient adminClient;

    private LocalCluster(ClusterDir dir, ClusterInfo info, Process supervisor) {
        this.dir = dir;
        this.info = info;
        this.supervisor = supervisor;
    }

    /** Starts a cluster in a new temporary directory and waits until it is ready. */
    public static LocalCluster launch(Path kubeBin) {
        ClusterDir dir;
        try {
            dir = new ClusterDir(Files.createTempDirectory("kanister-hooks-cluster."));
            Files.createDirectories(dir.logs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command =
                new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                        SupervisorMain.class.getName(),
                "--dir", dir.root().toString(), "--kube-bin", kubeBin.toString(), "--watch-stdin",
                        "--remove-dir-on-exit"));
        Process process;
        try {
            // stdin stays an open pipe: the supervisor ends itself when this JVM is gone and the pipe closes
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.log("supervisor").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the cluster supervisor", e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(dir.readyMarker())) {
            if (!process.isAlive() || Files.exists(dir.failedMarker()) || System.nanoTime() > deadline) {
                String reason = Files.exists(dir.failedMarker())
                        ? ClusterDir.readProperties(dir.failedMarker()).getProperty("reason")
                                : "supervisor ended or timed out";
                process.destroy();
                throw new IllegalStateException("the local cluster did not start: " + reason + "; logs in " + dir.logs()
                        + " (supervisor.log first)");
            }
            sleep(100);
        }
        return new LocalCluster(dir, ClusterInfo.fromProperties(ClusterDir.readProperties(dir.readyMarker())), process);
    }

    /** Uses the cluster that {@code bin/local-cluster start} runs in {@code dir}. */
    public static LocalCluster attach(Path dirPath) {
        ClusterDir dir = new ClusterDir(dirPath);
        if (!Files.exists(dir.readyMarker())) {
            throw new IllegalStateException("no ready local cluster in " + dirPath
                    + " (start one with bin/local-cluster start)");
        }
        ClusterInfo info = ClusterInfo.fromProperties(ClusterDir.readProperties(dir.readyMarker()));
        Optional<ProcessHandle> supervisor = ProcessHandle.of(info.supervisorPid());
        if (supervisor.isEmpty() || !supervisor.get().isAlive()) {
            throw new IllegalStateException("the local cluster in " + dirPath + " is not running any more (supervisor "
                    + info.supervisorPid() + " is gone)");
        }
        return new LocalCluster(dir, info, null);
    }

    public ClusterDir dir() {
        return dir;
    }

    public ClusterInfo info() {
        return info;
    }

    public Path kubeconfig() {
        return dir.kubeconfig();
    }

    /** True if this JVM started the cluster (and {@link #close()} stops it). */
    public boolean isOwned() {
        return supervisor != null;
    }

    /** A client acting as the cluster admin ({@code system:masters}); shared, thread-safe. */
    public synchronized ApiClient adminClient() {
        if (adminClient == null) {
            try {
                adminClient = Config.fromConfig(kubeconfig().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return adminClient;
    }

    /** Stops the cluster if this JVM launched it (every process, then the directory); attached clusters stay up. */
    @Override
    public void close() {
        if (supervisor == null) {
            return;
        }
        supervisor.destroy();
        try {
            if (!supervisor.waitFor(60, TimeUnit.SECONDS)) {
                supervisor.destroyForcibly();
            }
        } catch (InterruptedException e) {
            supervisor.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        FileTrees.delete(dir.root());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
