package io.kanisterhooks.bench.hooks;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.Watch;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every hook pod the API server has shown, by name, with its identifying labels: a watch over all namespaces that
 * survives API-server restarts (it resumes from the last resource version, and after a 410 lists again). Hook pods of
 * the harnesses live long enough (seconds) that none is created and deleted unseen while the watch reconnects.
 */
final class PodLedger implements AutoCloseable {

    static final String RUN = "kanister-hooks.io/run";
    static final String NAMESPACE = "kanister-hooks.io/namespace";
    static final String HOOK = "kanister-hooks.io/hook";
    static final String ATTEMPT = "kanister-hooks.io/attempt";

    private final BenchCluster cluster;
    private final Map<String, Map<String, String>> pods = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile Watch<V1Pod> current;
    private String resourceVersion;
    private int reconnects;

    PodLedger(BenchCluster cluster) throws ApiException {
        this.cluster = cluster;
        relist();
        thread = new Thread(this::loop, "pod-ledger");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        CoreV1Api api = new CoreV1Api(cluster.streams);
        while (!closed) {
            try (Watch<V1Pod> watch = Watch.createWatch(cluster.streams, api.listPodForAllNamespaces()
                    .labelSelector(BenchCluster.MANAGED_BY).watch(true).resourceVersion(resourceVersion)
                    .timeoutSeconds(300).buildCall(null), new TypeToken<Watch.Response<V1Pod>>() { }.getType())) {
                current = watch;
                for (Watch.Response<V1Pod> event : watch) {
                    if ("ERROR".equals(event.type)) {
                        relist();
                        break;
                    }
                    record(event.object);
                }
            } catch (ApiException | IOException | RuntimeException e) {
                if (!closed) {
                    pause();
                    synchronized (this) {
                        reconnects++;
                    }
                }
            }
        }
    }

    private void relist() {
        while (!closed) {
            try {
                V1PodList list = new CoreV1Api(cluster.client).listPodForAllNamespaces()
                        .labelSelector(BenchCluster.MANAGED_BY).execute();
                list.getItems().forEach(this::record);
                synchronized (this) {
                    resourceVersion = list.getMetadata().getResourceVersion();
                }
                return;
            } catch (ApiException | RuntimeException e) {
                pause();
            }
        }
    }

    private synchronized void record(V1Pod pod) {
        if (pod == null || pod.getMetadata() == null) {
            return;
        }
        resourceVersion = pod.getMetadata().getResourceVersion();
        Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
        pods.putIfAbsent(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName(), labels);
    }

    /** Pods of one run by {@code namespace hook attempt} → how many pods carried those labels. */
    synchronized Map<String, Integer> podsPerAttempt(String runId) {
        Map<String, Integer> counts = new TreeMap<>();
        pods.values().stream().filter(l -> runId.equals(l.get(RUN))).forEach(l -> counts.merge(
                l.get(NAMESPACE) + " " + l.get(HOOK) + " " + l.get(ATTEMPT), 1, Integer::sum));
        return counts;
    }

    synchronized int reconnects() {
        return reconnects;
    }

    /** Names of the pods of one run (to check that none is left). */
    synchronized List<String> podNames(String runId) {
        return pods.entrySet().stream().filter(e -> runId.equals(e.getValue().get(RUN))).map(Map.Entry::getKey)
                .sorted().toList();
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        Watch<V1Pod> w = current;
        if (w != null) {
            try {
                w.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        thread.interrupt();
    }
}
