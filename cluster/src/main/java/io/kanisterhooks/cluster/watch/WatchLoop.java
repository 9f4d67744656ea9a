package io.kanisterhooks.cluster.watch;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.Watch;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Call;

/**
 * List, then one long-lived watch from the list's resourceVersion, on a thread of its own. A watch that ends is resumed
 * from the last seen resourceVersion; an expired one ({@code 410 Gone}) leads to a new list, which the handler sees as
 * {@link Handler#onList} so it can forget objects deleted meanwhile.
 *
 * @param <T> the object type
 */
public final class WatchLoop<T> implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WatchLoop.class.getName());

    /** Where the objects come from. */
    public interface Source<T> {
        /** Lists all objects; returns them and the list's resourceVersion. */
        Listing<T> list() throws ApiException;

        /** A watch call ({@code watch=true}) starting after {@code resourceVersion}. */
        Call watch(String resourceVersion) throws ApiException;

        /** The type of one watch event, e.g. {@code new TypeToken<Watch.Response<V1Pod>>(){}.getType()}. */
        Type eventType();

        String resourceVersionOf(T object);
    }

    /** Lists objects. */
    public interface Lister<T> {
        Listing<T> list() throws ApiException;
    }

    /** Builds a watch call from a resourceVersion. */
    public interface Watcher {
        Call watch(String resourceVersion) throws ApiException;
    }

    /**
     * A source of typed Kubernetes objects, whose resourceVersion is in their metadata. Do not ask such watches for
     * bookmarks: a bookmark's object has only metadata, which client-java 24's strict model validation rejects.
     */
    public static <T extends KubernetesObject> Source<T> typed(Type eventType, Lister<T> lister, Watcher watcher) {
        return new Source<>() {
            @Override
            public Listing<T> list() throws ApiException {
                return lister.list();
            }

            @Override
            public Call watch(String resourceVersion) throws ApiException {
                return watcher.watch(resourceVersion);
            }

            @Override
            public Type eventType() {
                return eventType;
            }

            @Override
            public String resourceVersionOf(T object) {
                return object.getMetadata().getResourceVersion();
            }
        };
    }

    /** A list result. */
    public record Listing<T>(List<T> items, String resourceVersion) {}

    /** Receives events on the loop's thread, one at a time. */
    public interface Handler<T> {
        /** After every (re)list, with all current objects. */
        void onList(List<T> items);

        /** {@code type} is ADDED, MODIFIED or DELETED. */
        void onEvent(String type, T object);
    }

    private final String name;
    private final ApiClient watchClient;
    private final Source<T> source;
    private final Handler<T> handler;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Watch<T> current;

    /**
     * @param watchClient a client without read timeout (watches are silent for long stretches)
     */
    public WatchLoop(String name, ApiClient watchClient, Source<T> source, Handler<T> handler) {
        this.name = name;
        this.watchClient = watchClient;
        this.source = source;
        this.handler = handler;
        this.thread = new Thread(this::run, "watch-" + name);
        this.thread.setDaemon(true);
    }

    public WatchLoop<T> start() {
        thread.start();
        return this;
    }

    private void run() {
        String resourceVersion = null;
        while (!closed) {
            try {
                if (resourceVersion == null) {
                    Listing<T> listing = source.list();
                    handler.onList(listing.items());
                    resourceVersion = listing.resourceVersion();
                }
                resourceVersion = watchFrom(resourceVersion);
            } catch (ApiException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (!(e instanceof ApiException api && api.getCode() == 404)) {
                    LOG.log(Level.WARNING, "watch " + name + " failed, listing again", e);
                }
                resourceVersion = null;
                pause();
            }
        }
    }

    /** Returns the resourceVersion to resume from, or {@code null} if the loop must list again. */
    private String watchFrom(String resourceVersion) throws ApiException {
        Watch<T> watch = Watch.createWatch(watchClient, source.watch(resourceVersion), source.eventType());
        current = watch;
        try {
            for (Watch.Response<T> event : watch) {
                if ("ERROR".equals(event.type)) {
                    return null; // typically 410 Gone: the resourceVersion is too old
                }
                if (event.object != null) {
                    resourceVersion = source.resourceVersionOf(event.object);
                }
                if (!"BOOKMARK".equals(event.type)) {
                    handler.onEvent(event.type, event.object);
                }
            }
            return resourceVersion;
        } catch (RuntimeException e) {
            if (closed || e.getCause() instanceof IOException) {
                return resourceVersion; // the stream broke (or timed out): resume where it ended
            }
            throw e;
        } finally {
            current = null;
            closeQuietly(watch);
        }
    }

    private void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        Watch<T> watch = current;
        if (watch != null) {
            closeQuietly(watch);
        }
        thread.interrupt();
    }

    private static void closeQuietly(Watch<?> watch) {
        try {
            watch.close();
        } catch (IOException ignored) {
            // closing the stream is all we want
        }
    }
}
