package io.kanisterhooks.kube;

import io.kanisterhooks.cancel.Cancellation;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Call;
import okhttp3.Response;

/**
 * A live view of the objects of one resource that match a selector (usually a single object, by name), kept current
 * by a watch: list once, then watch from the list's resource version, reporting every change to a listener. When the
 * version has expired (410 Gone) it lists again; when the connection breaks (API server restart) it resumes after a
 * short backoff. Objects look like a GET returns them (with {@code apiVersion} and {@code kind}, integers as Long).
 *
 * <p>Waiting on this costs one list and one open connection, where Kanister polls with a GET per object and attempt.
 * Where the credentials may not watch (or, for one object, not even list), it falls back to polling the way they
 * allow: lists, or GETs of the object, with a backoff from 100 ms to 5 s.
 */
public final class ObjectWatch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ObjectWatch.class.getName());
    /** The API server ends watches after this long; we simply resume. */
    private static final int WATCH_SECONDS = 300;
    private static final long MAX_BACKOFF_MILLIS = 5000;

    /**
     * What the watch knows right now.
     *
     * @param synced  whether a list has completed (successfully or not)
     * @param objects the matching objects, in the order the API server listed them
     * @param failure why the last list failed; null when it succeeded
     */
    public record View(boolean synced, List<Map<String, Object>> objects, KubeException failure) {

        /** The first object (for watches of one object by name), or null when there is none. */
        public Map<String, Object> single() {
            return objects.isEmpty() ? null : objects.get(0);
        }
    }

    private final Kube kube;
    private final String group;
    private final String version;
    private final String collectionPath;
    private final List<Pair> selectors;
    /** The object's name for a watch of one object, else null. */
    private final String objectName;
    private final boolean clusterScopedOnly;
    private final String description;
    private final Runnable onChange;
    private final Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
    private final Thread thread;
    private boolean synced;
    private KubeException failure;
    private String resourceVersion;
    /** Set when watching is forbidden: the state is refreshed by polling instead. */
    private boolean polling;
    /** Set when even listing is forbidden (one object only): polling uses GETs. */
    private boolean byGet;
    private volatile boolean closed;
    private volatile Call current;

    private ObjectWatch(Kube kube, String group, String version, String resource, String namespace,
                        List<Pair> selectors, String objectName, String description, Runnable onChange) {
        this.kube = kube;
        this.group = group;
        this.version = version;
        this.collectionPath = Kube.path(group, version, resource, namespace, null);
        this.selectors = selectors;
        this.objectName = objectName;
        // Without a namespace the collection of a namespaced resource spans all namespaces; a GET of the
        // cluster-scoped path would not find those objects, so neither does this view.
        this.clusterScopedOnly = namespace == null || namespace.isEmpty();
        this.description = description;
        this.onChange = onChange;
        this.thread = new Thread(this::loop, "watch " + description);
        this.thread.setDaemon(true);
    }

    /** Watches one object by name; {@code namespace} empty for a cluster-scoped object. */
    public static ObjectWatch object(Kube kube, String group, String version, String resource, String namespace,
                                     String name, Runnable onChange) {
        ObjectWatch w = new ObjectWatch(kube, group, version, resource, namespace,
                List.of(new Pair("fieldSelector", "metadata.name=" + name)), name,
                ResourceNames.describe(group, resource, namespace, name), onChange);
        w.thread.start();
        return w;
    }

    /** Watches the objects of a namespace that carry the labels {@code labelSelector} asks for. */
    public static ObjectWatch selected(Kube kube, String group, String version, String resource, String namespace,
                                       String labelSelector, Runnable onChange) {
        ObjectWatch w = new ObjectWatch(kube, group, version, resource, namespace,
                labelSelector.isEmpty() ? List.of() : List.of(new Pair("labelSelector", labelSelector)), null,
                ResourceNames.describe(group, resource, namespace, labelSelector), onChange);
        w.thread.start();
        return w;
    }

    public synchronized View view() {
        return new View(synced, List.copyOf(objects.values()), failure);
    }

    private void loop() {
        long backoff = 100;
        while (!closed) {
            try {
                if (polling) {
                    if (byGet) {
                        get();
                    } else {
                        list();
                    }
                } else {
                    if (resourceVersion == null) {
                        list();
                    }
                    if (watch()) {
                        backoff = 100;
                        continue;
                    }
                }
            } catch (KubeException e) {
                if (e.status() == 403 && !polling && objectName != null) {
                    polling = true;
                    byGet = true;
                    continue;
                }
                listFailed(e);
            } catch (IOException | ApiException | RuntimeException e) {
                if (!closed) {
                    LOG.log(Level.FINE, "watch of " + description + " interrupted; resuming", e);
                }
            }
            if (!closed) {
                Cancellation.none().sleep(backoff); // close() interrupts this thread
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private void list() throws KubeException {
        StringBuilder query = new StringBuilder();
        for (Pair p : selectors) {
            query.append(query.length() == 0 ? '?' : '&').append(p.getName()).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        Map<String, Object> list = kube.request("GET", collectionPath + query, null, null, "list " + description);
        String kind = list.get("kind") instanceof String k && k.endsWith("List")
                ? k.substring(0, k.length() - "List".length()) : null;
        synchronized (this) {
            objects.clear();
            if (list.get("items") instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> m) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> object = new LinkedHashMap<>((Map<String, Object>) m);
                        // list items of built-in types come without their type; a GET has it
                        object.putIfAbsent("apiVersion", group.isEmpty() ? version : group + "/" + version);
                        if (kind != null) {
                            object.putIfAbsent("kind", kind);
                        }
                        put(object);
                    }
                }
            }
            resourceVersion = JsonObjects.string(list, "metadata", "resourceVersion");
            synced = true;
            failure = null;
        }
        onChange.run();
    }

    /** Polling without list rights: a GET of the one object, where NotFound means it does not exist. */
    private void get() throws KubeException {
        Map<String, Object> object = null;
        try {
            object = kube.request("GET", collectionPath + "/" + objectName, null, null, "get " + description);
        } catch (KubeException e) {
            if (!e.notFound()) {
                throw e;
            }
        }
        synchronized (this) {
            objects.clear();
            if (object != null) {
                put(object);
            }
            synced = true;
            failure = null;
        }
        onChange.run();
    }

    private void listFailed(KubeException e) {
        synchronized (this) {
            synced = true;
            failure = e;
            resourceVersion = null;
        }
        onChange.run();
    }

    /**
     * Follows the watch until it ends; then the caller resumes (or relists when the version expired).
     *
     * @return whether the watch delivered anything (a watch that ends empty is retried after a backoff)
     */
    private boolean watch() throws IOException, ApiException {
        List<Pair> query = new ArrayList<>(selectors);
        query.add(new Pair("watch", "true"));
        query.add(new Pair("allowWatchBookmarks", "true"));
        query.add(new Pair("timeoutSeconds", Integer.toString(WATCH_SECONDS)));
        query.add(new Pair("resourceVersion", resourceVersion));
        ApiClient client = kube.streamClient();
        Call call = client.buildCall(client.getBasePath(), collectionPath, "GET", query, List.of(), null,
                Map.of("Accept", "application/json"), Map.of(), Map.of(), new String[] {"BearerToken"}, null);
        current = call;
        if (closed) {
            return false;
        }
        boolean delivered = false;
        try (Response response = call.execute()) {
            if (response.code() == 410) {
                resourceVersion = null;
                return true;
            }
            if (response.code() == 403) {
                LOG.fine(() -> "watching " + description + " is forbidden; polling instead");
                polling = true;
                return false;
            }
            if (!response.isSuccessful() || response.body() == null) {
                throw new IOException("watch of " + description + ": HTTP " + response.code());
            }
            LineReader lines = new LineReader(response.body().byteStream());
            for (String line = lines.next(); line != null && !closed; line = lines.next()) {
                if (line.isBlank()) {
                    continue;
                }
                delivered = true;
                if (!apply(JsonObjects.parse(line))) {
                    return resourceVersion == null; // expired: relist at once; another error: after a backoff
                }
            }
        }
        return delivered;
    }

    /** @return false when the watch has to be reopened */
    @SuppressWarnings("unchecked")
    private boolean apply(Map<String, Object> event) {
        String type = String.valueOf(event.get("type"));
        if (!(event.get("object") instanceof Map<?, ?> raw)) {
            return true;
        }
        Map<String, Object> object = (Map<String, Object>) raw;
        if ("ERROR".equals(type)) {
            if (object.get("code") instanceof Number code && code.intValue() == 410) {
                resourceVersion = null;
            }
            return false;
        }
        String rv = JsonObjects.string(object, "metadata", "resourceVersion");
        synchronized (this) {
            if (rv != null) {
                resourceVersion = rv;
            }
            switch (type) {
                case "ADDED", "MODIFIED" -> put(object);
                case "DELETED" -> objects.remove(key(object));
                default -> {
                    return true; // BOOKMARK: only the version moves on
                }
            }
        }
        onChange.run();
        return true;
    }

    private void put(Map<String, Object> object) {
        String namespace = JsonObjects.string(object, "metadata", "namespace");
        if (clusterScopedOnly && namespace != null && !namespace.isEmpty()) {
            return;
        }
        objects.put(key(object), object);
    }

    private static String key(Map<String, Object> object) {
        return JsonObjects.string(object, "metadata", "namespace") + "/"
                + JsonObjects.string(object, "metadata", "name");
    }


    @Override
    public void close() {
        closed = true;
        Call open = current;
        if (open != null) {
            open.cancel();
        }
        thread.interrupt();
    }
}
