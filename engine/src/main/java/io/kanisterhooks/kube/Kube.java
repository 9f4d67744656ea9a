package io.kanisterhooks.kube;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The engine's door to the API server: typed APIs for core and apps objects, JSON access to any resource by
 * group/version/resource, and shared watches over the pods it creates.
 */
public final class Kube implements AutoCloseable {

    /** Label on every pod kanister-hooks creates; the shared watches select on it. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "kanister-hooks";
    private static final String OUR_PODS = MANAGED_BY + "=" + MANAGED_BY_VALUE;

    private final KubeClients clients;
    private final CoreV1Api core;
    private final AppsV1Api apps;
    private final CustomObjectsApi custom;
    /** The watch each namespace uses, started or starting: its own, or the one over all namespaces. */
    private final Map<String, CompletableFuture<PodWatch>> podWatches = new ConcurrentHashMap<>();
    /** The namespace whose pods have a watch of their own (the first that needed one). */
    private final AtomicReference<String> firstNamespace = new AtomicReference<>();
    /** The watch over our pods in all namespaces, once a second namespace needed one; null before or after a failure. */
    private CompletableFuture<PodWatch> allNamespacesWatch;
    /** Whether the API server refused to let us watch pods in all namespaces (RBAC): namespaces then watch their own. */
    private volatile boolean allNamespacesForbidden;
    private final ResourceDiscovery discovery = new ResourceDiscovery(this);

    public Kube(KubeClients clients) {
        this.clients = clients;
        this.core = new CoreV1Api(clients.requests());
        this.apps = new AppsV1Api(clients.requests());
        this.custom = new CustomObjectsApi(clients.requests());
    }

    public CoreV1Api core() {
        return core;
    }

    public AppsV1Api apps() {
        return apps;
    }

    public CustomObjectsApi custom() {
        return custom;
    }

    public ApiClient requestClient() {
        return clients.requests();
    }

    public ApiClient streamClient() {
        return clients.streams();
    }

    /** Which resources this API server serves, cached for the life of this connection. */
    public ResourceDiscovery discovery() {
        return discovery;
    }

    /** The shared watch over our pods in {@code namespace}, started on first use. */
    public PodWatch podWatch(String namespace) throws KubeException {
        return awaitWatch(namespace, startWatch(namespace));
    }

    /**
     * Starts the shared watch over our pods in {@code namespace} unless it runs, without waiting: a caller can create
     * its pod meanwhile (the watch begins with the current state of every pod, so it misses nothing) and then
     * {@link #awaitWatch}. Callers for other namespaces never wait for this one.
     *
     * <p>The first namespace gets a watch of its own; any further one shares a watch over all namespaces, where RBAC
     * allows it: a run with pods in 200 namespaces then holds 2 watches, not 200 (one request, one stream and one
     * thread each). When the API server forbids watching pods in all namespaces, each namespace watches its own.
     */
    public CompletableFuture<PodWatch> startWatch(String namespace) {
        // not podWatches.isEmpty(): parallel hooks start their namespaces' watches at once, and all would see it empty
        return podWatches.computeIfAbsent(namespace, ns -> firstNamespace.compareAndSet(null, ns)
                || ns.equals(firstNamespace.get()) || allNamespacesForbidden
                ? new PodWatch(clients.streams(), ns, OUR_PODS).start() : viaAllNamespaces(ns));
    }

    /** The watch over all namespaces for {@code namespace}'s pods, or its own watch if that one is forbidden. */
    private CompletableFuture<PodWatch> viaAllNamespaces(String namespace) {
        CompletableFuture<PodWatch> shared;
        synchronized (this) {
            if (allNamespacesWatch == null) {
                allNamespacesWatch = new PodWatch(clients.streams(), null, OUR_PODS).start();
            }
            shared = allNamespacesWatch;
        }
        return shared.exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof ApiException api && api.getCode() == 403) {
                allNamespacesForbidden = true;
                return new PodWatch(clients.streams(), namespace, OUR_PODS).start();
            }
            synchronized (this) {
                if (allNamespacesWatch == shared) {
                    allNamespacesWatch = null; // the next namespace tries again
                }
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    /** The watch that {@link #startWatch} began, once established; a watch that failed to start is dropped. */
    public PodWatch awaitWatch(String namespace, CompletableFuture<PodWatch> starting) throws KubeException {
        try {
            return starting.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubeException("interrupted while starting the pod watch in " + namespace);
        } catch (ExecutionException e) {
            podWatches.remove(namespace, starting); // the next use tries again
            throw KubeException.of("watch pods in namespace " + namespace, e.getCause());
        }
    }

    /**
     * Deletes, in every namespace where this process created pods, the pods that carry {@code labelSelector}: the
     * safety net after an abort, for pods whose own deletion could not be confirmed.
     */
    public void deletePods(String labelSelector) {
        // best effort: the pods' own cancellation callbacks have already asked for their deletion
        deletePods(podWatches.keySet(), labelSelector);
    }

    /** The namespaces where this process watches its pods (where it created some). */
    public Set<String> watchedNamespaces() {
        return Set.copyOf(podWatches.keySet());
    }

    /**
     * Deletes the pods with {@code labelSelector} in each of {@code namespaces} (after a crash, nothing says where this
     * run's pods were started; best effort, like {@link #deletePods(String)}).
     */
    public void deletePods(Collection<String> namespaces, String labelSelector) {
        for (String namespace : namespaces) {
            try {
                send("DELETE", path("", "v1", "pods", namespace, null) + "?gracePeriodSeconds=0&labelSelector="
                        + URLEncoder.encode(labelSelector, StandardCharsets.UTF_8), null,
                        null, "delete pods " + labelSelector + " in " + namespace);
            } catch (KubeException e) {
                // a namespace that is gone has no pods; anything else: the pods' own deletion is best effort too
            }
        }
    }

    /** Deletes a pod at once (grace period 0: a job pod has nothing to shut down gracefully). */
    public void deletePod(String namespace, String name) throws KubeException {
        send("DELETE", path("", "v1", "pods", namespace, name) + "?gracePeriodSeconds=0", null, null,
                "delete pod " + namespace + "/" + name);
    }

    /** The REST path of a resource collection or object (namespace and name may be null). */
    public static String path(String group, String version, String resource, String namespace, String name) {
        StringBuilder p = new StringBuilder(group == null || group.isEmpty() ? "/api/" + version
                : "/apis/" + group + "/" + version);
        if (namespace != null && !namespace.isEmpty()) {
            p.append("/namespaces/").append(namespace);
        }
        p.append('/').append(resource);
        if (name != null) {
            p.append('/').append(name);
        }
        return p.toString();
    }

    /** GET of any object as a JSON map (what Kanister's dynamic client returns); 404 is a {@link KubeException}. */
    public Map<String, Object> getObject(String group, String version, String resource, String namespace,
                                         String name) throws KubeException {
        return request("GET", path(group, version, resource, namespace, name), null, null,
                "get " + resource + " " + (namespace == null ? "" : namespace + "/") + name);
    }

    /** A raw JSON request (for resources client-java has no model of, and for patches of any type). */
    public Map<String, Object> request(String method, String path, String body, String contentType, String what)
            throws KubeException {
        String text = exchange(method, path, body, contentType, what);
        return text.isEmpty() ? Map.of() : JsonObjects.parse(text);
    }

    /** {@link #request} for callers that need only its success: the response body is not parsed. */
    public void send(String method, String path, String body, String contentType, String what) throws KubeException {
        exchange(method, path, body, contentType, what);
    }

    /** @return the response body of a successful request */
    private String exchange(String method, String path, String body, String contentType, String what)
            throws KubeException {
        ApiClient client = clients.requests();
        try {
            // buildCall applies the configured authentication; the body is attached afterwards, as given
            Call call = client.buildCall(client.getBasePath(), path, method, List.of(), List.of(), null,
                    headers(contentType), Map.of(), Map.of(), new String[] {"BearerToken"}, null);
            Request request = call.request();
            if (body != null) {
                request = request.newBuilder().method(method, RequestBody.create(body,
                        MediaType.parse(contentType == null ? "application/json" : contentType))).build();
            }
            try (Response response = client.getHttpClient().newCall(request).execute()) {
                String text = response.body() == null ? "" : response.body().string();
                if (!response.isSuccessful()) {
                    String reason = ApiMessages.reason(new ApiException(response.code(),
                            response.headers().toMultimap(), text));
                    throw new KubeException(what + ": " + ApiMessages.explained(response.code(), reason,
                            clients.server(), clients.context()), response.code());
                }
                return text;
            }
        } catch (ApiException | IOException e) {
            String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new KubeException(what + ": " + ApiMessages.explained(0, cause, clients.server(),
                    clients.context()));
        }
    }

    private static Map<String, String> headers(String contentType) {
        return contentType == null ? Map.of("Accept", "application/json")
                : Map.of("Accept", "application/json", "Content-Type", contentType);
    }

    @Override
    public void close() {
        podWatches.values().forEach(w -> w.thenAccept(PodWatch::close));
        podWatches.clear();
        synchronized (this) {
            if (allNamespacesWatch != null) {
                allNamespacesWatch.thenAccept(PodWatch::close);
            }
        }
        clients.close();
    }
}
