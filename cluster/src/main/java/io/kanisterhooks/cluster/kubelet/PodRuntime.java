package io.kanisterhooks.cluster.kubelet;

import com.google.gson.Gson;
import io.kanisterhooks.cluster.FileTrees;
import io.kanisterhooks.cluster.kubelet.server.ContainerAccess.AccessException;
import io.kanisterhooks.cluster.kubelet.server.ContainerAccess.ExecTarget;
import io.kanisterhooks.cluster.process.ProcessGroups;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1DeleteOptions;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1Preconditions;
import io.kubernetes.client.util.PatchUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A pod on the simulated node: runs its init containers one after the other, then its containers, restarts them as the
 * restartPolicy says, writes the pod status (coalesced: one write carries all changes made meanwhile), and on deletion
 * stops the processes (TERM, KILL after the grace period) and releases the pod. All state is guarded by {@code this}.
 */
final class PodRuntime {
    private static final Logger LOG = Logger.getLogger(PodRuntime.class.getName());
    private static final Gson GSON = new Gson();
    private static final List<String> IDLE = List.of("sleep", "infinity");
    private static final long CONFIG_RETRY_SECONDS = 2;

    private final NodeContext node;
    private final V1Pod pod;
    private final String namespace;
    private final String name;
    private final String uid;
    private final String restartPolicy;
    private final Path podDir;
    private final List<ContainerSlot> initSlots = new ArrayList<>();
    private final List<ContainerSlot> slots = new ArrayList<>();
    private final Map<String, ContainerConfig> configs = new HashMap<>();
    private final Set<Process> execs = ConcurrentHashMap.newKeySet();
    private final Map<String, String[]> conditionSince = new HashMap<>();
    private final Instant startTime = Instant.now();

    private Path runDir;
    private boolean prepared;
    private String terminalPhase;
    private boolean terminating;
    private boolean removedByApi;
    private boolean released;
    private boolean statusDirty;
    private boolean statusScheduled;

    PodRuntime(NodeContext node, V1Pod pod) {
        this.node = node;
        this.pod = pod;
        this.namespace = pod.getMetadata().getNamespace();
        this.name = pod.getMetadata().getName();
        this.uid = pod.getMetadata().getUid();
        this.restartPolicy = pod.getSpec().getRestartPolicy() == null ? "Always" : pod.getSpec().getRestartPolicy();
        this.podDir = node.dir().pods().resolve(namespace + "_" + name + "_" + uid);
        Stream.ofNullable(pod.getSpec().getInitContainers()).flatMap(List::stream)
                .forEach(c -> initSlots.add(new ContainerSlot(c, true)));
        pod.getSpec().getContainers().forEach(c -> slots.add(new ContainerSlot(c, false)));
        if (pod.getStatus() != null && pod.getStatus().getConditions() != null) {
            for (V1PodCondition c : pod.getStatus().getConditions()) {
                if (c.getLastTransitionTime() != null) {
                    conditionSince.put(c.getType(), new String[] {c.getStatus(),
                            Times.format(c.getLastTransitionTime().toInstant())});
                }
            }
        }
    }

    String key() {
        return namespace + "/" + name;
    }

    String uid() {
        return uid;
    }

    /** Prepares the environment and starts the first containers (runs on a worker thread). */
    void start() {
        synchronized (this) {
            if (prepared || terminating) {
                return;
            }
        }
        try {
            PodSetup.Result setup =
                    PodSetup.prepare(node, pod, podDir, Stream.concat(initSlots.stream(), slots.stream()).toList());
            synchronized (this) {
                configs.putAll(setup.configs());
                runDir = setup.runDir();
                prepared = true;
                Stream.concat(initSlots.stream(), slots.stream()).forEach(s -> s.setWaiting(null, null));
                advance();
            }
        } catch (ContainerConfigException e) {
            synchronized (this) {
                Stream.concat(initSlots.stream(), slots.stream())
                        .forEach(s -> s.setWaiting(e.reason(), e.getMessage()));
                requestStatus();
            }
            node.timers().schedule(() -> node.workers().execute(this::start), CONFIG_RETRY_SECONDS, TimeUnit.SECONDS);
        } catch (ApiException | IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot prepare pod " + key() + ", retrying", e);
            node.timers().schedule(() -> node.workers().execute(this::start), CONFIG_RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Starts whatever should run next; called after every change. */
    private void advance() {
        if (terminating || terminalPhase != null || !prepared) {
            return;
        }
        for (ContainerSlot slot : initSlots) {
            if (slot.succeeded()) {
                continue;
            }
            if (slot.isRunning() || slot.isRestartPending()) {
                return;
            }
            if (!slot.hasStarted()) {
                launch(slot);
            } else if (restartPolicy.equals("Never")) {
                terminalPhase = "Failed";
                requestStatus();
            } else {
                scheduleRestart(slot);
            }
            return;
        }
        slots.stream().filter(s -> !s.hasStarted()).forEach(this::launch);
        requestStatus();
    }

    private void launch(ContainerSlot slot) {
        ContainerConfig config = configs.get(slot.name());
        int restartCount = slot.nextRestartCount();
        String containerId = "kanister-hooks://" + uid + "/" + slot.name() + "/" + restartCount;
        try {
            ContainerRun run = ContainerRun.start(containerId, restartCount, config, command(slot, config.env()),
                    podDir.resolve("logs").resolve(slot.name()).resolve(restartCount + ".log"), node.workers());
            slot.add(run);
            Files.writeString(podDir.resolve(slot.name() + ".pid"), run.pid() + "\n");
            run.finished().thenAcceptAsync(r -> onRunFinished(slot), node.workers());
            if (slot.readiness == null) {
                run.setReady(true);
            } else {
                slot.readiness.watch(run, new ContainerProcesses(config), node, this::readinessChanged);
            }
        } catch (IOException e) {
            slot.setWaiting("RunContainerError", e.getMessage());
        }
        requestStatus();
    }

    private List<String> command(ContainerSlot slot, Map<String, String> env) {
        List<String> command = new ArrayList<>();
        if (slot.image != null) {
            // no command: the image's entrypoint, with the args
            command.addAll(List.of("bash", slot.image.entrypoint(node.dir().entrypoints()).toString()));
        }
        Stream.ofNullable(slot.spec.getCommand()).flatMap(List::stream)
                .forEach(c -> command.add(EnvExpansion.expand(c, env)));
        Stream.ofNullable(slot.spec.getArgs()).flatMap(List::stream)
                .forEach(a -> command.add(EnvExpansion.expand(a, env)));
        // any other image's entrypoint is unknown here: idle so that the pod stays up
        return command.isEmpty() ? IDLE : command;
    }

    private synchronized void readinessChanged() {
        requestStatus();
    }

    private synchronized void onRunFinished(ContainerSlot slot) {
        if (terminating) {
            releaseIfStopped();
            return;
        }
        if (slot.init) {
            advance();
            return;
        }
        boolean failed = slot.current().exitCode() != 0;
        if (restartPolicy.equals("Always") || (restartPolicy.equals("OnFailure") && failed)) {
            scheduleRestart(slot);
        } else if (slots.stream().allMatch(ContainerSlot::isFinished)) {
            terminalPhase = slots.stream().allMatch(ContainerSlot::succeeded) ? "Succeeded" : "Failed";
        }
        requestStatus();
    }

    /** Crash-loop back-off, shortened for tests: 0.5 s doubling up to 10 s. */
    private void scheduleRestart(ContainerSlot slot) {
        slot.setRestartPending(true);
        long delayMs = Math.min(10_000, 500L << Math.min(5, slot.current().restartCount()));
        node.timers().schedule(() -> node.workers().execute(() -> restart(slot)), delayMs, TimeUnit.MILLISECONDS);
        requestStatus();
    }

    private synchronized void restart(ContainerSlot slot) {
        if (terminating) {
            return;
        }
        slot.setRestartPending(false);
        launch(slot);
    }

    /** The pod got a deletionTimestamp: TERM now, KILL after the grace period, release once all processes ended. */
    synchronized void terminate(long graceSeconds) {
        if (released) {
            return;
        }
        if (graceSeconds <= 0) {
            // the API server removes a pod whose grace period is 0 by itself (at once, or when its finalizers are gone)
            removedByApi = true;
        }
        if (!terminating) {
            terminating = true;
            if (graceSeconds <= 0) {
                signalAll("KILL");
            } else {
                stopAll();
                node.timers().schedule(() -> node.workers().execute(this::killAll), graceSeconds, TimeUnit.SECONDS);
            }
            requestStatus();
        } else if (graceSeconds <= 0) {
            signalAll("KILL");
        }
        releaseIfStopped();
    }

    private synchronized void killAll() {
        signalAll("KILL");
    }

    /** TERM, or the image's stop signal to a mapped image's server (only: it stops its own processes cleanly). */
    private void stopAll() {
        Stream.concat(initSlots.stream(), slots.stream()).filter(ContainerSlot::isRunning).forEach(s -> {
            if (s.image != null) {
                s.current().signalMain(s.image.stopSignal());
            } else {
                s.current().signal("TERM");
            }
        });
        execs.forEach(p -> ProcessGroups.signal(p.pid(), "TERM"));
    }

    private void signalAll(String signal) {
        Stream.concat(initSlots.stream(), slots.stream()).map(ContainerSlot::current)
                .filter(r -> r != null && r.isRunning()).forEach(r -> r.signal(signal));
        execs.forEach(p -> ProcessGroups.signal(p.pid(), signal));
    }

    private void releaseIfStopped() {
        boolean stopped = Stream.concat(initSlots.stream(), slots.stream()).noneMatch(ContainerSlot::isRunning);
        if (stopped && !released) {
            released = true;
            if (!removedByApi) {
                node.workers().execute(this::deleteFromApi);
            }
        }
    }

    private void deleteFromApi() {
        try {
            node.api().deleteNamespacedPod(name, namespace).gracePeriodSeconds(0)
                    .body(new V1DeleteOptions().gracePeriodSeconds(0L).preconditions(new V1Preconditions().uid(uid)))
                    .execute();
        } catch (ApiException e) {
            if (e.getCode() != 404 && e.getCode() != 409) {
                LOG.log(Level.WARNING, "cannot release pod " + key() + ": HTTP " + e.getCode());
            }
        }
    }

    /** The pod is gone from the API (or the node stops): kill everything at once and remove its files. */
    void discard() {
        List<ContainerRun> running;
        synchronized (this) {
            terminating = true;
            released = true;
            signalAll("KILL");
            running = Stream.concat(initSlots.stream(), slots.stream()).map(ContainerSlot::current)
                    .filter(r -> r != null && r.isRunning()).toList();
        }
        CompletableFuture.allOf(running.stream().map(ContainerRun::finished)
                        .toArray(CompletableFuture[]::new))
                .thenRunAsync(this::deletePodDir, node.workers());
    }

    private void deletePodDir() {
        FileTrees.delete(podDir);
        Path sockets;
        synchronized (this) {
            sockets = runDir;
        }
        if (sockets != null) {
            FileTrees.delete(sockets);
        }
    }

    // ---- status -----------------------------------------------------------------------------------------------------

    private void requestStatus() {
        statusDirty = true;
        if (!statusScheduled) {
            statusScheduled = true;
            node.workers().execute(this::syncStatus);
        }
    }

    private void syncStatus() {
        while (true) {
            String patch;
            synchronized (this) {
                if (!statusDirty || released) {
                    statusScheduled = false;
                    return;
                }
                statusDirty = false;
                patch = GSON.toJson(Map.of("status", buildStatus()));
            }
            try {
                PatchUtils.patch(V1Pod.class,
                        () -> node.api().patchNamespacedPodStatus(name, namespace, new V1Patch(patch)).buildCall(null),
                        V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, node.client());
            } catch (ApiException e) {
                if (e.getCode() != 404 && e.getCode() != 409) {
                    LOG.log(Level.WARNING, "cannot write status of pod " + key() + ": HTTP " + e.getCode()
                            + ", retrying");
                    synchronized (this) {
                        statusDirty = true;
                        statusScheduled = false;
                    }
                    node.timers().schedule(() -> {
                        synchronized (this) {
                            if (statusDirty) {
                                requestStatus();
                            }
                        }
                    }, 1, TimeUnit.SECONDS);
                    return;
                }
            }
        }
    }

    private Map<String, Object> buildStatus() {
        boolean initialized = initSlots.stream().allMatch(ContainerSlot::succeeded);
        boolean live = !terminating && terminalPhase == null;
        boolean containersReady = live && slots.stream().allMatch(ContainerSlot::isReady);
        String phase = terminalPhase != null ? terminalPhase
                : slots.stream().anyMatch(ContainerSlot::hasStarted) ? "Running" : "Pending";
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("phase", phase);
        List<Object> conditions = new ArrayList<>();
        String notReadyReason = terminalPhase != null ? "PodCompleted" : "ContainersNotReady";
        conditions.add(condition("Initialized", initialized, terminalPhase != null ? "PodCompleted"
                : "ContainersNotInitialized"));
        conditions.add(condition("Ready", containersReady, notReadyReason));
        conditions.add(condition("ContainersReady", containersReady, notReadyReason));
        conditions.add(condition("PodScheduled", true, null));
        status.put("conditions", conditions);
        status.put("hostIP", KubeletSimulator.NODE_IP);
        status.put("podIP", KubeletSimulator.NODE_IP);
        status.put("podIPs", List.of(Map.of("ip", KubeletSimulator.NODE_IP)));
        status.put("startTime", Times.format(startTime));
        if (!initSlots.isEmpty()) {
            status.put("initContainerStatuses", initSlots.stream().map(s -> s.status(false, "PodInitializing"))
                    .toList());
        }
        String mainWaiting = initialized ? "ContainerCreating" : "PodInitializing";
        status.put("containerStatuses", slots.stream().map(s -> s.status(live, mainWaiting)).toList());
        return status;
    }

    private Map<String, Object> condition(String type, boolean value, String falseReason) {
        String status = value ? "True" : "False";
        String[] since = conditionSince.get(type);
        if (since == null || !since[0].equals(status)) {
            since = new String[] {status, Times.format(Instant.now())};
            conditionSince.put(type, since);
        }
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", type);
        condition.put("status", status);
        condition.put("lastTransitionTime", since[1]);
        if (!value && falseReason != null) {
            condition.put("reason", falseReason);
        }
        return condition;
    }

    // ---- access for the kubelet endpoints ---------------------------------------------------------------------------

    synchronized ContainerLog log(String container, boolean previous) throws AccessException {
        ContainerSlot slot = slot(container);
        ContainerRun run = previous ? slot.previous() : slot.current();
        if (run == null) {
            if (previous) {
                throw new AccessException(400, "previous terminated container \"" + container + "\" in pod \"" + name
                        + "\" not found");
            }
            throw new AccessException(400, "container \"" + container + "\" in pod \"" + name
                    + "\" is waiting to start: ContainerCreating");
        }
        return run.log();
    }

    synchronized ExecTarget execTarget(String container) throws AccessException {
        ContainerSlot slot = slot(container);
        if (!slot.isRunning() || terminating) {
            throw new AccessException(400, "container \"" + container + "\" in pod \"" + name + "\" is not running");
        }
        return new ContainerProcesses(configs.get(container));
    }

    /** Starts processes in a container, exec'd or probes, and tracks them so that deleting the pod ends them too. */
    private final class ContainerProcesses implements ExecTarget, Readiness.Launcher {
        private final ContainerConfig config;

        ContainerProcesses(ContainerConfig config) {
            this.config = config;
        }

        @Override
        public Process start(List<String> command, boolean stdin, boolean mergeStderr) throws IOException {
            ProcessBuilder builder = config.process(command).redirectErrorStream(mergeStderr);
            if (!stdin) {
                builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            }
            return tracked(builder);
        }

        /** A probe: no input, output discarded. */
        @Override
        public Process start(List<String> command) throws IOException {
            return tracked(config.process(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD));
        }

        private Process tracked(ProcessBuilder builder) throws IOException {
            Process process = builder.start();
            execs.add(process);
            return process;
        }

        @Override
        public void ended(Process process) {
            execs.remove(process);
        }
    }

    private ContainerSlot slot(String container) throws AccessException {
        return Stream.concat(slots.stream(), initSlots.stream()).filter(s -> s.name().equals(container)).findFirst()
                .orElseThrow(() ->
                        new AccessException(404, "container \"" + container + "\" not found in pod \"" + name + "\""));
    }
}
