package io.kanisterhooks.kube;

import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.cancel.CancelledException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The watches one wait depends on. The waiting thread re-evaluates its check whenever any of them reports a change
 * (several changes in a row are evaluated once, against the newest state), and otherwise sleeps: no polling.
 * Closing the set closes its watches.
 */
public final class WatchSet implements AutoCloseable {

    /** What is waited for: a result, or null to keep waiting. */
    @FunctionalInterface
    public interface Check<T, E extends Exception> {
        T evaluate() throws E;
    }

    private final Kube kube;
    private final List<ObjectWatch> watches = new ArrayList<>();
    private long changes;

    public WatchSet(Kube kube) {
        this.kube = kube;
    }

    /** Starts watching one object by name ({@code namespace} empty for a cluster-scoped object). */
    public ObjectWatch object(String group, String version, String resource, String namespace, String name) {
        return add(ObjectWatch.object(kube, group, version, resource, namespace, name, this::changed));
    }

    /** Starts watching the objects of a namespace that match a label selector. */
    public ObjectWatch selected(String group, String version, String resource, String namespace,
                                String labelSelector) {
        return add(ObjectWatch.selected(kube, group, version, resource, namespace, labelSelector, this::changed));
    }

    private synchronized ObjectWatch add(ObjectWatch watch) {
        watches.add(watch);
        return watch;
    }

    /**
     * Evaluates {@code check} once every watch has listed, then after every change, until it gives a result.
     *
     * @return the result, or null when {@code timeout} passed first
     * @throws CancelledException when {@code cancellation} stops the wait (abort, or the action's deadline)
     */
    public <T, E extends Exception> T await(Check<T, E> check, Duration timeout, Cancellation cancellation)
            throws E, CancelledException {
        long start = System.nanoTime();
        long budget = nanos(timeout);
        Runnable unregister = cancellation.onCancel(this::changed);
        try {
            while (true) {
                cancellation.check();
                long seen;
                synchronized (this) {
                    seen = changes;
                }
                if (allSynced()) {
                    T result = check.evaluate();
                    if (result != null) {
                        return result;
                    }
                }
                if (!awaitChange(seen, start, budget)) {
                    cancellation.check();
                    return null;
                }
            }
        } finally {
            unregister.run();
        }
    }

    /**
     * {@link #await(Check, Duration, Cancellation)} with no timeout but the cancellation's: it runs until the check
     * gives a result or the action is aborted or reaches its deadline.
     */
    public <T, E extends Exception> T await(Check<T, E> check, Cancellation cancellation)
            throws E, CancelledException {
        // the cancellation's own timer ends the wait with its reason; the slack only guards against a missing timer
        T result = await(check, cancellation.remaining().plusSeconds(1), cancellation);
        if (result == null) {
            throw new CancelledException("deadline exceeded");
        }
        return result;
    }

    /** @return false when the deadline passed without a change */
    private synchronized boolean awaitChange(long seen, long start, long budget) throws CancelledException {
        try {
            while (changes == seen) {
                long left = budget - (System.nanoTime() - start);
                if (left <= 0) {
                    return false;
                }
                long millis = Math.max(1, left / 1_000_000);
                wait(millis);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted");
        }
    }

    private synchronized boolean allSynced() {
        return watches.stream().allMatch(w -> w.view().synced());
    }

    private synchronized void changed() {
        changes++;
        notifyAll();
    }

    private static long nanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void close() {
        List<ObjectWatch> all;
        synchronized (this) {
            all = new ArrayList<>(watches);
            watches.clear();
        }
        all.forEach(ObjectWatch::close);
    }
}
