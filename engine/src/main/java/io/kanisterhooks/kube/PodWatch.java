package io.kanisterhooks.kube;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kanisterhooks.cancel.Cancellation;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Call;
import okhttp3.Response;

/**
 * One watch over the pods we create in one namespace, or in all namespaces, shared by every phase running there:
 * waiting for a pod to start or finish costs no request per pod (Kanister polls each pod with GETs). The watch survives
 * API-server restarts: it resumes from the last resource version and, when that is too old (410 Gone), relists and
 * continues. Pods are known by namespace and name.
 *
 * <p>Waiters only look at a pod's name and status: each event's pod is kept as {@link WatchedPod} takes it from the
 * event's JSON, without its spec and most of its metadata.
 */
public final class PodWatch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PodWatch.class.getName());
    /** How long {@link #close} waits for the watch's thread to end. */
    private static final long CLOSE_WAIT_MILLIS = 1000;

    /** A wait for a condition on one pod, known by its key ({@code namespace/name}). */
    private record Waiter(String pod, Predicate<V1Pod> condition, CompletableFuture<V1Pod> result) {
    }

    private final ApiClient streams;
    private final CoreV1Api api;
    /** The namespace watched; null: all of them. */
    private final String namespace;
    private final String labelSelector;
    private final Map<String, V1Pod> latest = new HashMap<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final Thread thread;
    private final CompletableFuture<Void> established = new CompletableFuture<>();
    private volatile boolean closed;
    private volatile Call current;
    private String resourceVersion = "";

    /** A watch over the pods with {@code labelSelector} in {@code namespace}, or in all namespaces if it is null. */
    PodWatch(ApiClient streams, String namespace, String labelSelector) {
        this.streams = streams;
        this.api = new CoreV1Api(streams);
        this.namespace = namespace;
        this.labelSelector = labelSelector;
        this.thread = new Thread(this::loop, "pod-watch-" + (namespace == null ? "all-namespaces" : namespace));
        this.thread.setDaemon(true);
    }

    /** Starts the watch; completes once the API server has accepted it (or fails if it refused). */
    CompletableFuture<PodWatch> start() {
        thread.start();
        return established.thenApply(v -> this);
    }

    /** Whether this watch covers all namespaces. */
    public boolean allNamespaces() {
        return namespace == null;
    }

    /** Completes with the pod once {@code condition} holds for it; fails if the pod is deleted first. */
    public CompletableFuture<V1Pod> await(String podNamespace, String pod, Predicate<V1Pod> condition) {
        CompletableFuture<V1Pod> result = new CompletableFuture<>();
        synchronized (this) {
            V1Pod known = latest.get(key(podNamespace, pod));
            if (known != null && condition.test(known)) {
                result.complete(known);
                return result;
            }
            waiters.add(new Waiter(key(podNamespace, pod), condition, result));
        }
        return result;
    }

    /** The last state seen of a pod, if any. */
    public synchronized V1Pod lastSeen(String podNamespace, String pod) {
        return latest.get(key(podNamespace, pod));
    }

    /** Drops what is remembered about a pod that will not be waited for again. */
    public synchronized void forget(String podNamespace, String pod) {
        latest.remove(key(podNamespace, pod));
    }

    private static String key(String podNamespace, String pod) {
        return podNamespace + "/" + pod;
    }

    private static String key(V1Pod pod) {
        return key(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
    }

    private String where() {
        return namespace == null ? "all namespaces" : "namespace " + namespace;
    }

    private void loop() {
        long backoff = 100;
        boolean first = true;
        while (!closed) {
            try (Response response = open()) {
                if (first) {
                    established.complete(null);
                    first = false;
                }
                backoff = 100;
                LineReader lines = new LineReader(response.body().byteStream());
                for (String line = lines.next(); line != null; line = lines.next()) {
                    if (!line.isBlank() && !handle(JsonParser.parseString(line).getAsJsonObject())) {
                        break;
                    }
                }
            } catch (ApiException | IOException | RuntimeException e) {
                if (first) {
                    established.completeExceptionally(e);
                    return;
                }
                if (!closed) {
                    LOG.log(Level.FINE, "pod watch in " + where() + " interrupted; resuming", e);
                }
            }
            if (!closed) {
                Cancellation.none().sleep(backoff); // close() interrupts this thread
                backoff = Math.min(backoff * 2, 5000);
            }
        }
    }

    private Response open() throws ApiException, IOException {
        String from = resourceVersion.isEmpty() ? null : resourceVersion;
        Call call = namespace == null
                ? api.listPodForAllNamespaces().labelSelector(labelSelector).watch(true).allowWatchBookmarks(true)
                        .resourceVersion(from).buildCall(null)
                : api.listNamespacedPod(namespace).labelSelector(labelSelector).watch(true).allowWatchBookmarks(true)
                        .resourceVersion(from).buildCall(null);
        current = call;
        if (closed) {
            call.cancel();
        }
        Response response = call.execute();
        if (!response.isSuccessful() || response.body() == null) {
            response.close();
            throw new ApiException(response.code(), "watch pods in " + where() + ": HTTP " + response.code());
        }
        return response;
    }

    /** @return false when the watch must be reopened (expired resource version) */
    private boolean handle(JsonObject event) {
        String type = WatchedPod.string(event, "type");
        JsonObject object = WatchedPod.object(event, "object");
        if (object == null) {
            return true;
        }
        if ("ERROR".equals(type)) {
            JsonElement code = object.get("code");
            if (code != null && code.isJsonPrimitive() && code.getAsInt() == 410) {
                relist();
            }
            return false;
        }
        JsonObject metadata = WatchedPod.object(object, "metadata");
        if (metadata == null) {
            return true;
        }
        resourceVersion = Objects.requireNonNullElse(WatchedPod.string(metadata, "resourceVersion"), "");
        if ("BOOKMARK".equals(type)) {
            return true;
        }
        V1Pod pod = WatchedPod.of(object);
        if ("DELETED".equals(type)) {
            deleted(key(pod));
        } else {
            update(pod);
        }
        return true;
    }

    /** After a 410: the current state of every pod (events in between are lost, states are not). */
    private void relist() {
        try {
            CoreV1Api lister = new CoreV1Api(streams);
            V1PodList list = namespace == null
                    ? lister.listPodForAllNamespaces().labelSelector(labelSelector).execute()
                    : lister.listNamespacedPod(namespace).labelSelector(labelSelector).execute();
            resourceVersion = list.getMetadata() == null ? "" : list.getMetadata().getResourceVersion();
            Set<String> present = new HashSet<>();
            for (V1Pod pod : list.getItems()) {
                present.add(key(pod));
                update(pod);
            }
            List<String> gone = new ArrayList<>();
            synchronized (this) {
                for (Waiter w : waiters) {
                    if (!present.contains(w.pod())) {
                        gone.add(w.pod());
                    }
                }
            }
            gone.forEach(this::deleted);
        } catch (ApiException | RuntimeException e) {
            resourceVersion = "";
        }
    }

    private void update(V1Pod pod) {
        List<Waiter> done = new ArrayList<>();
        String key = key(pod);
        synchronized (this) {
            latest.put(key, pod);
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                if (w.pod().equals(key) && w.condition().test(pod)) {
                    done.add(w);
                    it.remove();
                }
            }
        }
        done.forEach(w -> w.result().complete(pod));
    }

    /** The pod of this key ({@code namespace/name}) is gone: its waiters fail. */
    private void deleted(String key) {
        List<Waiter> failed = new ArrayList<>();
        synchronized (this) {
            latest.remove(key);
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                if (w.pod().equals(key)) {
                    failed.add(w);
                    it.remove();
                }
            }
        }
        failed.forEach(w -> w.result().completeExceptionally(
                new KubeException("pod " + key + " was deleted")));
    }


    @Override
    public void close() {
        if (closed) {
            return; // a watch over all namespaces is closed once for each namespace that used it
        }
        closed = true;
        Call open = current;
        if (open != null) {
            open.cancel();
        }
        thread.interrupt();
        List<Waiter> pending;
        synchronized (this) {
            pending = new ArrayList<>(waiters);
            waiters.clear();
        }
        pending.forEach(waiter -> waiter.result().completeExceptionally(new KubeException("pod watch closed")));
        if (Thread.currentThread() != thread) {
            // Until the loop has closed the cancelled response, its stream keeps the shared connection in use, and a
            // connection in use is not closed with the others before the process exits (KubeClients.close).
            try {
                thread.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
