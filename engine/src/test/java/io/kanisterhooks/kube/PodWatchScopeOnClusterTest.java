package io.kanisterhooks.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.cluster.junit.CommandResult;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which watch follows the pods of each namespace: the first namespace its own, every further one a shared watch over
 * all namespaces when RBAC allows it, else each its own; pods finish in every case, and closing ends every watch.
 */
@ExtendWith(LocalClusterExtension.class)
class PodWatchScopeOnClusterTest {

    @TempDir
    Path dir;

    @Test
    void furtherNamespacesShareOneWatchOverAllNamespacesWhenAllowed(KubeTestContext k) throws Exception {
        Set<Thread> before = watchThreads();
        KubeTestContext second = k.otherNamespace("watch-b");
        KubeTestContext third = k.otherNamespace("watch-c");
        try (Kube kube = kube(k.kubeconfig())) {
            PodWatch first = kube.podWatch(k.namespace());
            PodWatch shared = kube.podWatch(second.namespace());

            assertThat(first.allNamespaces()).isFalse();
            assertThat(shared.allNamespaces()).isTrue();
            assertThat(kube.podWatch(third.namespace())).isSameAs(shared);
            assertThat(kube.watchedNamespaces()).containsExactlyInAnyOrder(k.namespace(), second.namespace(),
                    third.namespace());
            for (String namespace : List.of(k.namespace(), second.namespace(), third.namespace())) {
                assertThat(runTrue(kube, namespace)).as(namespace).isEqualTo("Succeeded");
            }
        } finally {
            second.close();
            third.close();
        }
        assertThat(threadsLeft(before)).as("every watch closed").isEmpty();
    }

    @Test
    void namespacesStartedAtOnceStillGetOneWatchOfTheirOwnBetweenThem(KubeTestContext k) throws Exception {
        Set<Thread> before = watchThreads();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (Kube kube = kube(k.kubeconfig())) {
            List<Callable<PodWatch>> starts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String namespace = k.namespace() + "-" + i; // a watch does not need its namespace to exist
                starts.add(() -> kube.awaitWatch(namespace, kube.startWatch(namespace)));
            }
            List<PodWatch> watches = new ArrayList<>();
            for (Future<PodWatch> f : pool.invokeAll(starts)) {
                watches.add(f.get());
            }
            assertThat(watches.stream().filter(w -> !w.allNamespaces())).hasSize(1);
            assertThat(watches.stream().filter(PodWatch::allNamespaces).distinct()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(threadsLeft(before)).as("every watch closed").isEmpty();
    }

    @Test
    void withoutTheRightToWatchAllNamespacesEachNamespaceWatchesItsOwn(KubeTestContext k) throws Exception {
        Set<Thread> before = watchThreads();
        KubeTestContext second = k.otherNamespace("watch-b");
        try {
            k.createServiceAccount("pod-runner");
            for (String namespace : List.of(k.namespace(), second.namespace())) {
                kubectl(k, "create", "role", "pod-runner", "-n", namespace, "--verb=create,get,list,watch,delete",
                        "--resource=pods");
                kubectl(k, "create", "rolebinding", "pod-runner", "-n", namespace, "--role=pod-runner",
                        "--serviceaccount=" + k.namespace() + ":pod-runner");
            }
            Path kubeconfig = Files.writeString(dir.resolve("pod-runner.kubeconfig"), Files.readString(k.kubeconfig())
                    .replaceAll("token: \\S+", "token: " + k.serviceAccountToken("pod-runner")));
            try (Kube kube = kube(kubeconfig)) {
                PodWatch own = kube.podWatch(second.namespace());
                PodWatch fallback = kube.podWatch(k.namespace());

                assertThat(own.allNamespaces()).isFalse();
                assertThat(fallback.allNamespaces()).as("forbidden, so its own").isFalse();
                assertThat(fallback).isNotSameAs(own);
                assertThat(runTrue(kube, k.namespace())).isEqualTo("Succeeded");
                assertThat(runTrue(kube, second.namespace())).isEqualTo("Succeeded");
            }
        } finally {
            second.close();
        }
        assertThat(threadsLeft(before)).as("every watch closed").isEmpty();
    }

    private static Kube kube(Path kubeconfig) throws KubeConfigException {
        return new Kube(KubeClients.connect(new KubeConfigSource(kubeconfig, null, Map.of(),
                Path.of("/nonexistent"))));
    }

    /** Runs a pod whose container runs {@code true} in {@code namespace}; its final phase, seen through the watch. */
    private static String runTrue(Kube kube, String namespace) throws Exception {
        Map<String, Object> pod = Map.of("apiVersion", "v1", "kind", "Pod",
                "metadata", Map.of("generateName", "watch-scope-", "namespace", namespace),
                "spec", Map.of("restartPolicy", "Never", "containers",
                        List.of(Map.of("name", "c", "image", "busybox", "command", List.of("true")))));
        try (PodRun run = new PodRunner(kube).start(pod, Cancellation.after(Duration.ofSeconds(60)))) {
            return run.awaitFinished().getStatus().getPhase();
        }
    }

    private static void kubectl(KubeTestContext k, String... args) {
        CommandResult r = k.kubectl(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    private static Set<Thread> watchThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("pod-watch-"))
                .collect(Collectors.toSet());
    }

    /** The watch threads started since {@code before} that are still alive after a moment. */
    private static Set<Thread> threadsLeft(Set<Thread> before) throws InterruptedException {
        Set<Thread> left = Set.of();
        for (int i = 0; i < 50; i++) {
            left = watchThreads();
            left.removeAll(before);
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(20);
        }
        return left;
    }
}
