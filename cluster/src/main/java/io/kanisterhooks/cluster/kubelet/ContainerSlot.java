package io.kanisterhooks.cluster.kubelet;

import io.kubernetes.client.openapi.models.V1Container;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One container of a pod and its runs (a run per restart). Knows how to describe itself as a
 * {@code containerStatuses[]} entry. Not thread-safe: guarded by its {@link PodRuntime}.
 */
final class ContainerSlot {
    private static final int KEPT_RUNS = 2; // current and previous, like the kubelet

    final V1Container spec;
    final boolean init;
    /** The image whose entrypoint runs, for a container of a {@link MappedImage} without a command; else null. */
    final MappedImage image;
    /** How a run becomes ready; null: as soon as it runs. */
    final Readiness readiness;
    private final List<ContainerRun> runs = new ArrayList<>();
    private boolean restartPending;
    private String waitingReason;
    private String waitingMessage;

    ContainerSlot(V1Container spec, boolean init) {
        this.spec = spec;
        this.init = init;
        this.image = spec.getCommand() == null || spec.getCommand().isEmpty() ? MappedImage.of(spec.getImage()) : null;
        this.readiness = init ? null : Readiness.of(spec, image);
    }

    String name() {
        return spec.getName();
    }

    void add(ContainerRun run) {
        runs.add(run);
        if (runs.size() > KEPT_RUNS) {
            runs.remove(0);
        }
        restartPending = false;
        waitingReason = null;
    }

    /** The number the next run gets as its restartCount. */
    int nextRestartCount() {
        ContainerRun run = current();
        return run == null ? 0 : run.restartCount() + 1;
    }

    ContainerRun current() {
        return runs.isEmpty() ? null : runs.get(runs.size() - 1);
    }

    ContainerRun previous() {
        return runs.size() < 2 ? null : runs.get(runs.size() - 2);
    }

    boolean hasStarted() {
        return !runs.isEmpty();
    }

    boolean isRunning() {
        ContainerRun run = current();
        return run != null && run.isRunning();
    }

    boolean isReady() {
        ContainerRun run = current();
        return run != null && run.isReady();
    }

    /** Ended and will not run again by itself. */
    boolean isFinished() {
        ContainerRun run = current();
        return run != null && !run.isRunning() && !restartPending;
    }

    boolean succeeded() {
        ContainerRun run = current();
        return run != null && !run.isRunning() && run.exitCode() == 0;
    }

    void setRestartPending(boolean pending) {
        restartPending = pending;
    }

    boolean isRestartPending() {
        return restartPending;
    }

    void setWaiting(String reason, String message) {
        waitingReason = reason;
        waitingMessage = message;
    }

    /** @param live false once the pod terminates or completed: no container is ready then */
    Map<String, Object> status(boolean live, String defaultWaitingReason) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("name", name());
        status.put("image", spec.getImage() == null ? "" : spec.getImage());
        status.put("imageID", "");
        ContainerRun run = current();
        status.put("restartCount", run == null ? 0 : run.restartCount());
        boolean running = run != null && run.isRunning();
        status.put("ready", live && isReady() && !init);
        status.put("started", running);
        if (run != null) {
            status.put("containerID", run.containerId());
        }
        Map<String, Object> state = new LinkedHashMap<>();
        Map<String, Object> lastState = new LinkedHashMap<>();
        if (run == null || restartPending || waitingReason != null) {
            String reason =
                    waitingReason != null ? waitingReason : restartPending ? "CrashLoopBackOff" : defaultWaitingReason;
            Map<String, Object> waiting = new LinkedHashMap<>();
            waiting.put("reason", reason);
            if (waitingMessage != null || restartPending) {
                waiting.put("message", waitingMessage != null ? waitingMessage
                        : "back-off restarting failed container");
            }
            state.put("waiting", waiting);
            if (run != null && !run.isRunning()) {
                lastState.put("terminated", terminated(run));
            }
        } else if (running) {
            state.put("running", Map.of("startedAt", Times.format(run.startedAt())));
            if (previous() != null) {
                lastState.put("terminated", terminated(previous()));
            }
        } else {
            state.put("terminated", terminated(run));
            if (previous() != null) {
                lastState.put("terminated", terminated(previous()));
            }
        }
        status.put("state", state);
        status.put("lastState", lastState);
        return status;
    }

    private static Map<String, Object> terminated(ContainerRun run) {
        Map<String, Object> terminated = new LinkedHashMap<>();
        terminated.put("exitCode", run.exitCode());
        if (run.exitCode() > 128) {
            terminated.put("signal", run.exitCode() - 128);
        }
        terminated.put("reason", run.exitCode() == 0 ? "Completed" : "Error");
        terminated.put("startedAt", Times.format(run.startedAt()));
        terminated.put("finishedAt", Times.format(run.finishedAt()));
        terminated.put("containerID", run.containerId());
        return terminated;
    }
}
