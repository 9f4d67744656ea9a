package io.kanisterhooks.cluster.supervisor;

import io.kanisterhooks.cluster.ClusterDir;
import io.kanisterhooks.cluster.ClusterInfo;
import io.kanisterhooks.cluster.FileTrees;
import io.kanisterhooks.cluster.control.ServerBinaries;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Entry point of the supervisor JVM: {@code SupervisorMain --dir DIR --kube-bin BIN [--snapshot-crds] [--watch-stdin]
 * [--remove-dir-on-exit]}. Writes {@code DIR/ready} once the cluster is ready or {@code DIR/failed} if it cannot start;
 * runs until SIGTERM (or, with {@code --watch-stdin}, until its stdin ends: the parent JVM is gone) and then stops
 * every process it started. While it runs it answers {@link ControlRequests} (restart the API server).
 */
public final class SupervisorMain {
    private SupervisorMain() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        Path dirPath = null;
        Path kubeBin = null;
        boolean snapshotCrds = false;
        boolean watchStdin = false;
        boolean removeDir = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dirPath = Path.of(args[++i]);
                case "--kube-bin" -> kubeBin = Path.of(args[++i]);
                case "--snapshot-crds" -> snapshotCrds = true;
                case "--watch-stdin" -> watchStdin = true;
                case "--remove-dir-on-exit" -> removeDir = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (dirPath == null || kubeBin == null) {
            throw new IllegalArgumentException("usage: SupervisorMain --dir DIR --kube-bin BIN [--snapshot-crds]"
                    + " [--watch-stdin] [--remove-dir-on-exit]");
        }
        ClusterDir dir = new ClusterDir(dirPath);
        Files.createDirectories(dir.root());
        Files.writeString(dir.pidFile(), ProcessHandle.current().pid() + "\n");
        Supervisor supervisor = new Supervisor(dir, ServerBinaries.in(kubeBin));
        boolean remove = removeDir;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            supervisor.close();
            if (remove) {
                FileTrees.delete(dir.root());
            }
        }, "supervisor-shutdown"));
        try {
            ClusterInfo info = supervisor.start(snapshotCrds);
            new ControlRequests(dir.control(), Map.of("restart-apiserver",
                    () -> ClusterDir.writeProperties(dir.readyMarker(), supervisor.restartApiServer().toProperties())))
                            .start();
            ClusterDir.writeProperties(dir.readyMarker(), info.toProperties());
            System.err.println("cluster ready: " + info.apiServerUrl() + ", kubeconfig " + info.kubeconfig());
        } catch (Exception e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            System.err.println(trace);
            Properties failure = new Properties();
            failure.setProperty("reason", String.valueOf(e.getMessage()));
            ClusterDir.writeProperties(dir.failedMarker(), failure);
            System.exit(1);
        }
        if (watchStdin) {
            while (System.in.read() >= 0) {
                // nothing is ever sent: EOF means the parent is gone
            }
            System.exit(0);
        }
        Thread.currentThread().join();
    }
}
