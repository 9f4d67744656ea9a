package io.kanisterhooks.cluster.junit;

import io.kanisterhooks.cluster.LocalCluster;
import io.kanisterhooks.cluster.storage.SnapshotCrds;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A namespace of the local cluster, with the helpers tests use on it: kubectl as the admin, waiting for pods, the
 * processes and volume directories behind them. JUnit-free, so that tests of every kind (the engine's JUnit 5 tests
 * through {@link KubeTestContext}, the Jenkins library's JUnit 4 tests directly) deploy and check applications alike.
 */
public class ClusterNamespace {
    private static final Duration NAMESPACE_READY_TIMEOUT = Duration.ofSeconds(60);

    protected final LocalCluster cluster;
    protected final String namespace;

    /** The namespace {@code namespace} (which exists, or is created by the caller) of {@code cluster}. */
    public ClusterNamespace(LocalCluster cluster, String namespace) {
        this.cluster = cluster;
        this.namespace = namespace;
    }

    public LocalCluster cluster() {
        return cluster;
    }

    public ApiClient apiClient() {
        return cluster.adminClient();
    }

    public CoreV1Api coreV1() {
        return new CoreV1Api(apiClient());
    }

    public String namespace() {
        return namespace;
    }

    /** The admin kubeconfig. */
    public Path kubeconfig() {
        return cluster.kubeconfig();
    }

    /**
     * Installs the {@code snapshot.storage.k8s.io/v1} CRDs (idempotent); the simulated snapshot controller serves them.
     */
    public void installSnapshotCrds() {
        try {
            SnapshotCrds.install(apiClient());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs kubectl as the admin, in this context's namespace. */
    public CommandResult kubectl(String... args) {
        List<String> command = new ArrayList<>(List.of("kubectl", "--namespace=" + namespace));
        command.addAll(List.of(args));
        return run(command, cluster.kubeconfig());
    }

    /** Runs a command with {@code KUBECONFIG} set (stdin empty); waits at most two minutes. */
    public static CommandResult run(List<String> command, Path kubeconfig) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().put("KUBECONFIG", kubeconfig.toString());
            Process process = builder.start();
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new CommandResult(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls the pod until {@code condition} holds; fails after {@code timeout} with the pod's last state. */
    public V1Pod awaitPod(String name, Predicate<V1Pod> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        V1Pod pod = null;
        while (true) {
            try {
                pod = coreV1().readNamespacedPod(name, namespace).execute();
                if (condition.test(pod)) {
                    return pod;
                }
            } catch (ApiException e) {
                if (e.getCode() != 404) {
                    throw new IllegalStateException("cannot read pod " + name + ": HTTP " + e.getCode(), e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pod " + namespace + "/" + name
                        + " did not reach the expected state in "
                        + timeout.toSeconds() + " s; last status: " + (pod == null ? "none" : pod.getStatus())
                        + "; cluster logs in " + cluster.dir().logs());
            }
            sleep(100);
        }
    }

    /** Waits until the pod's phase is Succeeded or Failed. */
    public V1Pod awaitPodCompletion(String name, Duration timeout) {
        return awaitPod(name, p -> p.getStatus() != null
                && ("Succeeded".equals(p.getStatus().getPhase()) || "Failed".equals(p.getStatus().getPhase())),
                        timeout);
    }

    /** The OS process id of a container's current run on the simulated node, if it was started. */
    public OptionalLong containerPid(String pod, String container) {
        Path pods = cluster.dir().pods();
        if (!Files.isDirectory(pods)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> dirs = Files.list(pods)) {
            Path pidFile = dirs.filter(d -> d.getFileName().toString().startsWith(namespace + "_" + pod + "_"))
                    .map(d -> d.resolve(container + ".pid")).filter(Files::exists).findFirst().orElse(null);
            return pidFile == null ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory on this machine behind a bound claim of this namespace (its PersistentVolume's hostPath). */
    public Path volumeDirectory(String claim) {
        try {
            String volume = coreV1().readNamespacedPersistentVolumeClaim(claim, namespace).execute().getSpec()
                    .getVolumeName();
            return Path.of(coreV1().readPersistentVolume(volume).execute().getSpec().getHostPath().getPath());
        } catch (ApiException e) {
            throw new IllegalStateException("cannot read claim " + claim + ": HTTP " + e.getCode(), e);
        }
    }

    /** Creates a service account in this namespace and waits for its token Secret (pods may only use it then). */
    public V1ServiceAccount createServiceAccount(String name) {
        try {
            coreV1().createNamespacedServiceAccount(namespace, new V1ServiceAccount()
                    .metadata(new V1ObjectMeta().name(name)))
                    .execute();
            return awaitServiceAccountToken(name);
        } catch (ApiException e) {
            throw new IllegalStateException("cannot create service account " + name + ": HTTP " + e.getCode(), e);
        }
    }

    /**
     * The API token of service account {@code name} of this namespace (from its token Secret, which the 1.20
     * controller manager creates), for a kubeconfig that acts as that account.
     */
    public String serviceAccountToken(String name) {
        try {
            V1ServiceAccount sa = awaitServiceAccountToken(name);
            V1Secret secret = coreV1().readNamespacedSecret(sa.getSecrets().get(0).getName(), namespace).execute();
            return new String(secret.getData().get("token"), StandardCharsets.UTF_8);
        } catch (ApiException e) {
            throw new IllegalStateException("cannot read the token of service account " + name + ": HTTP "
                    + e.getCode(), e);
        }
    }

    /** The ServiceAccount admission plugin (1.20) refuses pods of an account until its token Secret exists. */
    protected V1ServiceAccount awaitServiceAccountToken(String name) throws ApiException {
        long deadline = System.nanoTime() + NAMESPACE_READY_TIMEOUT.toNanos();
        while (true) {
            try {
                V1ServiceAccount sa = coreV1().readNamespacedServiceAccount(name, namespace).execute();
                if (sa.getSecrets() != null && !sa.getSecrets().isEmpty()) {
                    return sa;
                }
            } catch (ApiException e) {
                if (e.getCode() != 404) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("service account " + namespace + "/" + name + " got no token; see "
                        + cluster.dir().log("kube-controller-manager"));
            }
            sleep(50);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
