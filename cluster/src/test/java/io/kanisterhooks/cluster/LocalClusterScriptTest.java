package io.kanisterhooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.CommandResult;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second cluster, through {@code bin/local-cluster}: start, status, list, env (with and without --dir), a pod, stop
 * leaves nothing behind and is forgotten.
 */
class LocalClusterScriptTest {
    @TempDir
    Path tmp;

    @Test
    void stopEndsEveryProcessFreesEveryPortAndRemovesTheDirectory() throws Exception {
        Path dir = tmp.resolve("cluster");
        CommandResult start = script("start", "--dir", dir.toString());
        assertThat(start.exitCode()).as(start.stderr()).isZero();
        assertThat(start.stdout()).contains("local cluster ready").contains(dir.resolve("kubeconfig").toString());
        ClusterInfo info = ClusterInfo.fromProperties(ClusterDir.readProperties(dir.resolve("ready")));
        assertThat(script("status", "--dir", dir.toString()).exitCode()).isZero();
        assertThat(script("env", "--dir", dir.toString()).stdout())
                .contains("export KUBECONFIG='" + dir.resolve("kubeconfig") + "'")
                .contains("export KANISTER_HOOKS_CLUSTER_DIR='" + dir + "'");
        assertThat(script("list").stdout()).as("the only cluster this user started").startsWith(dir + "  https://");
        assertThat(script("env").stdout()).as("the one running cluster, without --dir")
                .contains("export KUBECONFIG='" + dir.resolve("kubeconfig") + "'");
        Path kubeconfig = dir.resolve("kubeconfig");
        CommandResult run =
                KubeTestContext.run(List.of("kubectl", "run", "sleeper", "--image=busybox", "--restart=Never",
                "--command", "--", "sh", "-c", "sleep 600 & sleep 600"), kubeconfig);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        long podPid = awaitPodPid(dir);
        List<Long> pids = new ArrayList<>(info.serverPids());
        pids.add(info.supervisorPid());
        pids.add(podPid);
        pids.addAll(ProcessHandle.of(podPid).map(p -> p.descendants().map(ProcessHandle::pid).toList())
                .orElse(List.of()));
        assertThat(pids).allMatch(LocalClusterScriptTest::alive);
        assertThat(listeningPorts()).containsAll(info.ports());

        CommandResult stop = script("stop", "--dir", dir.toString());

        assertThat(stop.exitCode()).as(stop.stderr()).isZero();
        assertThat(pids).noneMatch(LocalClusterScriptTest::alive);
        assertThat(listeningPorts()).doesNotContainAnyElementsOf(info.ports());
        assertThat(dir).doesNotExist();
        assertThat(script("status", "--dir", dir.toString()).exitCode()).isEqualTo(3);
        CommandResult none = script("env");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.stderr()).contains("no running local cluster (start one with: bin/local-cluster start)");
        assertThat(script("list").stdout()).isEqualTo("no running local cluster\n");
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(TestPods::isRunning).orElse(false);
    }

    private static long awaitPodPid(Path dir) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (Files.isDirectory(dir.resolve("pods"))) {
                try (Stream<Path> pods = Files.list(dir.resolve("pods"))) {
                    Path pidFile =
                            pods.map(p -> p.resolve("sleeper.pid")).filter(Files::exists).findFirst().orElse(null);
                    if (pidFile != null) {
                        return Long.parseLong(Files.readString(pidFile).trim());
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the pod never started");
    }

    /** TCP ports in LISTEN state (IPv4 and IPv6), from /proc/net. */
    private static Set<Integer> listeningPorts() throws IOException {
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))
                    .subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals("0A")) {
                    ports.add(Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    /** Runs bin/local-cluster with this JVM's class path for the supervisor (the jar may not be built yet). */
    /** Runs the script as a user of its own (a registry of started clusters under {@link #tmp}). */
    private CommandResult script(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("kanisterhooks.root"), "bin", "local-cluster").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().remove("KANISTER_HOOKS_CLUSTER_DIR");
        builder.environment().put("XDG_STATE_HOME", tmp.resolve("state").toString());
        builder.environment().put("KANISTER_HOOKS_CLUSTER_CLASSPATH", System.getProperty("java.class.path"));
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new CommandResult(process.exitValue(), out.get(), err.get());
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
