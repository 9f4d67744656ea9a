package io.kanisterhooks.cluster.kubelet;

import io.kanisterhooks.cluster.process.ProcessGroups;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Probe;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * When a container's run becomes Ready. A readinessProbe of type {@code exec} is run in the container as the kubelet
 * runs it (initialDelaySeconds, periodSeconds, timeoutSeconds, successThreshold, failureThreshold, with Kubernetes'
 * defaults), for as long as the run lasts. A container of a {@link MappedImage} without one is Ready once its server
 * answers the image's check (tried every 250 ms). Everything else is Ready as soon as it runs; probes of other types
 * (httpGet, tcpSocket, grpc) are not run.
 */
final class Readiness {
    private static final long IMAGE_CHECK_PERIOD_MS = 250;
    private static final long IMAGE_CHECK_TIMEOUT_MS = 5000;

    /** Starts a probe command in the container (its environment, identity and working directory; output discarded). */
    interface Launcher {
        Process start(List<String> command) throws IOException;

        void ended(Process process);
    }

    private final List<String> command;
    private final long initialDelayMs;
    private final long periodMs;
    private final long timeoutMs;
    private final int successThreshold;
    private final int failureThreshold;
    private final boolean untilReady;

    private Readiness(List<String> command, long initialDelayMs, long periodMs, long timeoutMs, int successThreshold,
            int failureThreshold, boolean untilReady) {
        this.command = command;
        this.initialDelayMs = initialDelayMs;
        this.periodMs = periodMs;
        this.timeoutMs = timeoutMs;
        this.successThreshold = successThreshold;
        this.failureThreshold = failureThreshold;
        this.untilReady = untilReady;
    }

    /** How {@code container} becomes ready, or null when it is ready as soon as it runs. */
    static Readiness of(V1Container container, MappedImage image) {
        V1Probe probe = container.getReadinessProbe();
        if (probe != null && probe.getExec() != null && probe.getExec().getCommand() != null) {
            return new Readiness(probe.getExec().getCommand(), seconds(probe.getInitialDelaySeconds(), 0),
                    seconds(probe.getPeriodSeconds(), 10), seconds(probe.getTimeoutSeconds(), 1),
                    orDefault(probe.getSuccessThreshold(), 1), orDefault(probe.getFailureThreshold(), 3), false);
        }
        if (probe == null && image != null) {
            return new Readiness(image.readyCheck(), 0, IMAGE_CHECK_PERIOD_MS, IMAGE_CHECK_TIMEOUT_MS, 1, 1, true);
        }
        return null;
    }

    private static long seconds(Integer value, int defaultSeconds) {
        return TimeUnit.SECONDS.toMillis(orDefault(value, defaultSeconds));
    }

    private static int orDefault(Integer value, int defaultValue) {
        return value == null || value <= 0 ? defaultValue : value;
    }

    /** Probes {@code run} until it ends (or, for an image's check, until it is ready); calls {@code changed}. */
    void watch(ContainerRun run, Launcher launcher, NodeContext node, Runnable changed) {
        new Runnable() {
            private int successes;
            private int failures;

            @Override
            public void run() {
                if (!run.isRunning()) {
                    return;
                }
                boolean success = probeOnce(launcher);
                successes = success ? successes + 1 : 0;
                failures = success ? 0 : failures + 1;
                if (success && !run.isReady() && successes >= successThreshold
                        || !success && run.isReady() && failures >= failureThreshold) {
                    run.setReady(success);
                    changed.run();
                }
                if (!(untilReady && run.isReady())) {
                    schedule(periodMs);
                }
            }

            void schedule(long delayMs) {
                node.timers().schedule(() -> node.workers().execute(this), delayMs, TimeUnit.MILLISECONDS);
            }
        }.schedule(initialDelayMs);
    }

    private boolean probeOnce(Launcher launcher) {
        Process process;
        try {
            process = launcher.start(command);
        } catch (IOException e) {
            return false;
        }
        try {
            if (process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                return process.exitValue() == 0;
            }
            ProcessGroups.signal(process.pid(), "KILL"); // a probe that timed out failed
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            launcher.ended(process);
        }
    }
}
