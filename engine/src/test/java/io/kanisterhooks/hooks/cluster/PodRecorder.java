package io.kanisterhooks.hooks.cluster;

import com.google.gson.reflect.TypeToken;
import io.kanisterhooks.hooks.HookRunner;
import io.kanisterhooks.kube.Kube;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.Config;
import io.kubernetes.client.util.Watch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The test's own record of the hook pods created in one namespace, from a watch that starts before the run: every pod
 * as the API server stored it when it was created (hook pods are deleted when their phase ends, so a LIST afterwards
 * would find nothing), and which of them were deleted. {@link #sync()} makes sure every event up to now has arrived.
 */
final class PodRecorder implements AutoCloseable {

    private static final String SELECTOR = Kube.MANAGED_BY + "=" + Kube.MANAGED_BY_VALUE;
    private static final String BARRIER = "barrier-";

    private final CoreV1Api api;
    private final ApiClient streams;
    private final String namespace;
    private final Map<String, V1Pod> created = new LinkedHashMap<>();
    private final Map<String, V1Pod> latest = new LinkedHashMap<>();
    private final Set<String> deleted = new HashSet<>();
    private final Set<String> barrierSeen = new HashSet<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile Watch<V1Pod> current;
    private String resourceVersion;
    private int barriers;

    PodRecorder(Path kubeconfig, String namespace) {
        this.namespace = namespace;
        try {
            ApiClient client = Config.fromConfig(kubeconfig.toString());
            this.api = new CoreV1Api(client);
            this.streams = Config.fromConfig(kubeconfig.toString());
            this.streams.setHttpClient(client.getHttpClient().newBuilder().readTimeout(0, TimeUnit.SECONDS).build());
            V1PodList existing = api.listNamespacedPod(namespace).execute();
            resourceVersion = existing.getMetadata().getResourceVersion();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ApiException e) {
            throw new IllegalStateException("cannot list pods in " + namespace + ": HTTP " + e.getCode(), e);
        }
        thread = new Thread(this::loop, "pod-recorder-" + namespace);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!closed) {
            try (Watch<V1Pod> watch = Watch.createWatch(streams, api.listNamespacedPod(namespace)
                    .watch(true).resourceVersion(resourceVersion).buildCall(null),
                    new TypeToken<Watch.Response<V1Pod>>() { }.getType())) {
                current = watch;
                for (Watch.Response<V1Pod> event : watch) {
                    record(event);
                }
            } catch (ApiException | IOException | RuntimeException e) {
                if (!closed) {
                    pause(200);
                }
            }
        }
    }

    private synchronized void record(Watch.Response<V1Pod> event) {
        if (event.object == null || event.object.getMetadata() == null) {
            return;
        }
        V1Pod pod = event.object;
        resourceVersion = pod.getMetadata().getResourceVersion();
        String name = pod.getMetadata().getName();
        if (label(pod, Kube.MANAGED_BY) == null) {
            barrierSeen.add(name);
            notifyAll();
            return;
        }
        created.putIfAbsent(name, pod);
        if ("DELETED".equals(event.type)) {
            deleted.add(name);
            latest.remove(name);
        } else {
            latest.put(name, pod);
        }
        notifyAll();
    }

    /**
     * Returns once every pod event up to now has been recorded: creates a pod that can never run (bound to a node that
     * does not exist) and waits for its event, which a watch delivers after all earlier ones.
     */
    void sync() throws InterruptedException {
        String name;
        synchronized (this) {
            name = BARRIER + ++barriers;
        }
        V1Pod barrier = new V1Pod().metadata(new V1ObjectMeta().name(name)).spec(new V1PodSpec()
                .nodeName("kh-no-such-node").containers(List.of(new V1Container().name("c").image("none"))));
        try {
            api.createNamespacedPod(namespace, barrier).execute();
            synchronized (this) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!barrierSeen.contains(name)) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        throw new AssertionError("the pod watch did not deliver " + name + " within 30 s");
                    }
                    wait(left);
                }
            }
            api.deleteNamespacedPod(name, namespace).gracePeriodSeconds(0).execute();
        } catch (ApiException e) {
            throw new IllegalStateException("barrier pod " + name + ": HTTP " + e.getCode() + " " + e.getResponseBody(),
                    e);
        }
    }

    /** Every pod created since the recorder started, as first stored, in creation order. */
    synchronized List<V1Pod> created() {
        return List.copyOf(created.values());
    }

    /** The pods of one hook slot ({@code preHook}, ...) in one target namespace. */
    synchronized List<V1Pod> created(String targetNamespace, String hook) {
        return created.values().stream().filter(p -> targetNamespace.equals(label(p, HookRunner.LABEL_NAMESPACE))
                && hook.equals(label(p, HookRunner.LABEL_HOOK))).toList();
    }

    /** The attempt labels of one hook's pods, in creation order: {@code [1, 2, 3]} for three attempts. */
    List<Integer> attempts(String targetNamespace, String hook) {
        return created(targetNamespace, hook).stream().map(p -> Integer.valueOf(label(p, HookRunner.LABEL_ATTEMPT)))
                .toList();
    }

    synchronized boolean wasDeleted(V1Pod pod) {
        return deleted.contains(pod.getMetadata().getName());
    }

    /** Waits until a pod matching {@code which} runs (it has left Pending and not ended). */
    synchronized V1Pod awaitRunning(Predicate<V1Pod> which, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (V1Pod p : latest.values()) {
                if (which.test(p) && p.getStatus() != null && "Running".equals(p.getStatus().getPhase())) {
                    return p;
                }
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new AssertionError("no matching pod ran within " + timeout + "; pods seen: " + created.keySet());
            }
            wait(left);
        }
    }

    /** The hook pods that exist now (a fresh LIST, not the watch). */
    List<V1Pod> existing() {
        try {
            return api.listNamespacedPod(namespace).labelSelector(SELECTOR).execute().getItems();
        } catch (ApiException e) {
            throw new IllegalStateException("cannot list pods: HTTP " + e.getCode(), e);
        }
    }

    static String label(V1Pod pod, String key) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return labels == null ? null : labels.get(key);
    }

    static Predicate<V1Pod> hook(String targetNamespace, String hook) {
        return p -> targetNamespace.equals(label(p, HookRunner.LABEL_NAMESPACE))
                && hook.equals(label(p, HookRunner.LABEL_HOOK));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
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
