package io.kanisterhooks.kube;

import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.golang.time.GoDuration;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Response;

/**
 * One created pod, followed through the shared watch: wait until it runs, stream a container's log (surviving API
 * server restarts without losing or repeating lines), wait until it ends, and delete it. Cancellation deletes the pod
 * at once, which also ends any wait.
 */
public final class PodRun implements AutoCloseable {

    private static final int TAIL = 10;
    /** How long the end of a container's log may precede its terminated status before the log is read again. */
    private static final Duration STATUS_AFTER_LOG_END = Duration.ofSeconds(2);
    /** Waiting reasons after which a pod will not start by itself (the image is not going to appear). */
    private static final Set<String> HOPELESS = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "CreateContainerConfigError", "CreateContainerError", "ErrImageNeverPull");

    private final Kube kube;
    private final PodWatch watch;
    private final String namespace;
    private final String name;
    private final Cancellation cancellation;
    private final Runnable unregister;
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile boolean deleted;

    PodRun(Kube kube, PodWatch watch, String namespace, String name, Cancellation cancellation) {
        this.kube = kube;
        this.watch = watch;
        this.namespace = namespace;
        this.name = name;
        this.cancellation = cancellation;
        this.unregister = cancellation.onCancel(this::delete);
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    /** Kanister's "ready": the pod left Pending (Running, Succeeded and Failed all count). */
    public V1Pod awaitStarted(Duration timeout) throws KubeException, CancelledException {
        CompletableFuture<V1Pod> started = watch.await(namespace, name,
                p -> !"Pending".equals(phase(p)) && phase(p) != null || hopeless(p) != null);
        V1Pod pod = await(started, timeout, () -> "Pod did not transition into running state. Timeout:"
                + GoDuration.format(timeout.toNanos()) + "  Namespace:" + namespace + ", Name:" + name);
        String reason = hopeless(pod);
        if (reason != null) {
            throw new KubeException("pod " + namespace + "/" + name + " cannot start: " + reason);
        }
        return pod;
    }

    /** Completes when the pod has Succeeded or Failed. */
    public V1Pod awaitFinished() throws KubeException, CancelledException {
        return await(watch.await(namespace, name, p -> "Succeeded".equals(phase(p)) || "Failed".equals(phase(p))),
                cancellation.remaining(), () -> "pod " + namespace + "/" + name + " did not finish in time");
    }

    /**
     * Streams {@code container}'s log to {@code lines} until the container has ended, one call per line (without its
     * newline). If the stream breaks while the container runs, it is reopened from the start and the lines already
     * delivered are skipped: a container's log only grows. (Timestamps are not used to resume, because with them the
     * kubelet splits long lines.)
     */
    public void streamLog(String container, Consumer<String> lines) throws KubeException, CancelledException {
        long[] delivered = {0};
        Consumer<String> counting = line -> {
            delivered[0]++;
            remember(line);
            lines.accept(line);
        };
        int failures = 0;
        while (true) {
            cancellation.check();
            try {
                readLog(container, delivered[0], counting);
                // a followed log ends when the container does; its status reaches the watch a moment later
                if (awaitEnded(container, STATUS_AFTER_LOG_END)) {
                    return;
                }
            } catch (IOException e) {
                if (++failures > 50) {
                    throw new KubeException("reading the log of pod " + namespace + "/" + name + ": " + e.getMessage());
                }
                if (containerEnded(container)) {
                    return;
                }
                cancellation.sleep(Math.min(2000, 100L << Math.min(failures, 4)));
            }
        }
    }

    /** Waits (through the watch, no polling) until the container has ended; false if it has not within {@code max}. */
    private boolean awaitEnded(String container, Duration max) throws CancelledException {
        if (containerEnded(container)) {
            return true;
        }
        CompletableFuture<V1Pod> ended = watch.await(namespace, name, p -> ended(p, container));
        Runnable stop = cancellation.onCancel(() -> ended.cancel(false));
        try {
            ended.get(max.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            ended.cancel(false);
            return containerEnded(container);
        } catch (ExecutionException e) {
            return true; // the pod was deleted: its container has ended too
        } catch (CancellationException e) {
            cancellation.check();
            return containerEnded(container);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted");
        } finally {
            stop.run();
        }
    }

    /**
     * Follows the log from its start, passing on the lines after the first {@code skip}. A stream that breaks midway
     * ends with an IOException after the lines it did deliver, which the caller has counted.
     */
    private void readLog(String container, long skip, Consumer<String> lines) throws KubeException, IOException {
        Call call;
        try {
            call = kube.streamClient().getHttpClient().newCall(kube.core().readNamespacedPodLog(name, namespace)
                    .container(container).follow(true).buildCall(null).request());
        } catch (ApiException e) {
            throw KubeException.of("read the log of pod " + namespace + "/" + name, e);
        }
        Runnable stop = cancellation.onCancel(call::cancel);
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                // 400 while the container is still being created: the caller retries
                throw new IOException("HTTP " + response.code());
            }
            LineReader reader = new LineReader(response.body().byteStream());
            long seen = 0;
            for (String line = reader.next(); line != null; line = reader.next()) {
                if (++seen > skip) {
                    lines.accept(line);
                }
            }
        } finally {
            stop.run();
        }
    }

    private boolean containerEnded(String container) {
        V1Pod pod = watch.lastSeen(namespace, name);
        return pod == null ? deleted : ended(pod, container);
    }

    private static boolean ended(V1Pod pod, String container) {
        if ("Succeeded".equals(phase(pod)) || "Failed".equals(phase(pod))) {
            return true;
        }
        for (V1ContainerStatus s : statuses(pod)) {
            if (container.equals(s.getName()) && s.getState() != null && s.getState().getTerminated() != null) {
                return true;
            }
        }
        return false;
    }

    /** The pod's failure as people want to read it, or null when it succeeded. */
    public String failure(V1Pod pod) {
        if (!"Failed".equals(phase(pod))) {
            return null;
        }
        StringBuilder sb = new StringBuilder("Pod ").append(namespace).append('/').append(name).append(" failed");
        for (V1ContainerStatus s : statuses(pod)) {
            V1ContainerStateTerminated t = s.getState() == null ? null : s.getState().getTerminated();
            if (t != null && t.getExitCode() != null && t.getExitCode() != 0) {
                sb.append(": container ").append(s.getName()).append(" exited with code ").append(t.getExitCode());
                break;
            }
        }
        return sb.toString();
    }

    /** The last lines read from the log (for failure messages). */
    public synchronized List<String> logTail() {
        return List.copyOf(tail);
    }

    private synchronized void remember(String line) {
        if (!line.isBlank()) {
            tail.addLast(line);
            if (tail.size() > TAIL) {
                tail.removeFirst();
            }
        }
    }

    /** Deletes the pod immediately (grace period 0), once; errors other than "already gone" are ignored. */
    public void delete() {
        if (deleted) {
            return;
        }
        deleted = true;
        try {
            kube.deletePod(namespace, name);
        } catch (KubeException e) {
            if (!e.notFound()) {
                deleted = false;
            }
        }
    }

    @Override
    public void close() {
        unregister.run();
        delete();
        watch.forget(namespace, name);
    }

    private <T> T await(CompletableFuture<T> future, Duration timeout, Supplier<String> timeoutMessage)
            throws KubeException, CancelledException {
        Runnable stop = cancellation.onCancel(() -> future.cancel(false));
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cancellation.check();
            throw new KubeException(timeoutMessage.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted");
        } catch (CancellationException e) {
            cancellation.check();
            throw new CancelledException("cancelled");
        } catch (ExecutionException e) {
            cancellation.check();
            throw KubeException.of("pod " + namespace + "/" + name, e.getCause());
        } finally {
            stop.run();
        }
    }

    private static String hopeless(V1Pod pod) {
        for (V1ContainerStatus s : statuses(pod)) {
            V1ContainerStateWaiting w = s.getState() == null ? null : s.getState().getWaiting();
            if (w != null && HOPELESS.contains(w.getReason())) {
                return w.getReason() + (w.getMessage() == null ? "" : ": " + w.getMessage());
            }
        }
        return null;
    }

    private static List<V1ContainerStatus> statuses(V1Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null ? List.of()
                : pod.getStatus().getContainerStatuses();
    }

    static String phase(V1Pod pod) {
        return pod.getStatus() == null ? null : pod.getStatus().getPhase();
    }

}
