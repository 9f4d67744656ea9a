package io.kanisterhooks.bench.hooks;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local cluster a harness runs against ({@code bin/local-cluster}'s directory): admin API access, namespaces, the
 * hook pods that exist, and the API-server restart.
 */
final class BenchCluster {

    static final String MANAGED_BY = "app.kubernetes.io/managed-by=kanister-hooks";

    final Path dir;
    final Path root;
    final Path kubeconfig;
    final ApiClient client;
    final ApiClient streams;
    final CoreV1Api core;

    BenchCluster(Path dir, Path root) throws IOException {
        this.dir = dir;
        this.root = root;
        this.kubeconfig = dir.resolve("kubeconfig");
        this.client = Config.fromConfig(kubeconfig.toString());
        this.streams = Config.fromConfig(kubeconfig.toString());
        this.streams.setHttpClient(client.getHttpClient().newBuilder().readTimeout(0, TimeUnit.SECONDS).build());
        this.core = new CoreV1Api(client);
    }

    /** Creates the namespace unless it exists; with {@code ready}, waits until pods may be created in it. */
    void namespace(String name, Map<String, String> labels, boolean ready) throws ApiException, InterruptedException {
        try {
            core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(name).labels(labels))).execute();
        } catch (ApiException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
        while (ready) {
            try {
                V1ServiceAccount sa = core.readNamespacedServiceAccount("default", name).execute();
                if (sa.getSecrets() != null && !sa.getSecrets().isEmpty()) {
                    return;
                }
            } catch (ApiException e) {
                if (e.getCode() != 404) {
                    throw e;
                }
            }
            Thread.sleep(100);
        }
    }

    /** The process that runs the local cluster (the kubelet simulator) and has its other processes as children. */
    long supervisorPid() throws IOException {
        return Long.parseLong(Files.readString(dir.resolve("supervisor.pid")).trim());
    }

    /** Hook pods (any run) that exist now, in every namespace. */
    List<V1Pod> hookPods() throws ApiException {
        return core.listPodForAllNamespaces().labelSelector(MANAGED_BY).execute().getItems();
    }

    /** {@code bin/local-cluster restart-apiserver}: kills kube-apiserver and waits until it is ready again. */
    long restartApiServer() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(root.resolve("bin/local-cluster").toString(), "restart-apiserver", "--dir",
                dir.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("bin/local-cluster restart-apiserver failed");
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
