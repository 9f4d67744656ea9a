package io.kanisterhooks.hooks.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one hook run has decided and done, kept between the invocations that make up the run ({@code hooks pre}
 * and {@code hooks post} of the Jenkins library, a later {@code runs recover}) — possibly on other machines: besides
 * the per-slot records it holds the run's whole plan, so that no file of the directory that started the run is needed
 * to finish it.
 *
 * @param status   whether the run still has hooks to run
 * @param plan     what the run runs: hooks, blueprints, namespaces (a selector resolved once), settings
 * @param process  the process working on the run now, or null between invocations
 * @param invocations how many invocations worked on the run so far (this one included)
 * @param preDone  when the first {@code pre} step finished in every namespace (the stage may have started), or null
 * @param records  namespace → slot key → record
 */
public record RunState(int version, String runId, String tool, String created, RunStatus status, RunPlanRecord plan,
                       RunProcess process, int invocations, String preDone, String finished,
                       Map<String, Map<String, SlotRecord>> records) {

    public static final int VERSION = 2;

    public RunState {
        Map<String, Map<String, SlotRecord>> copy = new LinkedHashMap<>();
        if (records != null) {
            records.forEach((ns, slots) -> copy.put(ns, Map.copyOf(slots)));
        }
        records = copy;
    }

    /** A new run: nothing recorded yet. */
    public static RunState start(String runId, String tool, String created, RunPlanRecord plan, RunProcess process) {
        return new RunState(VERSION, runId, tool, created, RunStatus.ACTIVE, plan, process, 1, null, null, Map.of());
    }

    public List<String> namespaces() {
        return plan.namespaces();
    }

    public Optional<SlotRecord> record(String namespace, String slot) {
        return Optional.ofNullable(records.getOrDefault(namespace, Map.of()).get(slot));
    }

    /** A copy with one record replaced. */
    public RunState with(String namespace, String slot, SlotRecord record) {
        Map<String, Map<String, SlotRecord>> copy = new LinkedHashMap<>(records);
        Map<String, SlotRecord> slots = new LinkedHashMap<>(copy.getOrDefault(namespace, Map.of()));
        slots.put(slot, record);
        copy.put(namespace, slots);
        return new RunState(version, runId, tool, created, status, plan, process, invocations, preDone, finished, copy);
    }

    /** A copy with other records (all of them replaced). */
    public RunState withRecords(Map<String, Map<String, SlotRecord>> newRecords) {
        return new RunState(version, runId, tool, created, status, plan, process, invocations, preDone, finished,
                newRecords);
    }

    public RunState withStatus(RunStatus newStatus, String when) {
        return new RunState(version, runId, tool, created, newStatus, plan, process, invocations, preDone,
                newStatus == RunStatus.ACTIVE ? finished : when, records);
    }

    public RunState withProcess(RunProcess newProcess) {
        return new RunState(version, runId, tool, created, status, plan, newProcess, invocations, preDone, finished,
                records);
    }

    /** The state as a new invocation of the run finds it: one more invocation, worked on by {@code newProcess}. */
    public RunState continuedBy(RunProcess newProcess) {
        return new RunState(version, runId, tool, created, status, plan, newProcess, invocations + 1, preDone,
                finished, records);
    }

    public RunState withPreDone(String when) {
        return new RunState(version, runId, tool, created, status, plan, process, invocations,
                preDone == null ? when : preDone, finished, records);
    }

    /**
     * This state plus the changes that lead from {@code from} to {@code to}: records that differ, and the run-level
     * fields that differ. Merges one writer's changes into what another writer stored.
     */
    public RunState overlay(RunState from, RunState to) {
        RunState result = this;
        for (var ns : to.records.entrySet()) {
            for (var slot : ns.getValue().entrySet()) {
                SlotRecord before = from == null ? null : from.record(ns.getKey(), slot.getKey()).orElse(null);
                if (!slot.getValue().equals(before)) {
                    result = result.with(ns.getKey(), slot.getKey(), slot.getValue());
                }
            }
        }
        RunStatus s = from == null || to.status != from.status ? to.status : result.status;
        RunProcess p = from == null || !Objects.equals(to.process, from.process) ? to.process : result.process;
        String pre = result.preDone != null ? result.preDone : to.preDone;
        String fin = from == null || !Objects.equals(to.finished, from.finished) ? to.finished : result.finished;
        int n = Math.max(result.invocations, to.invocations);
        return new RunState(version, runId, tool, created, s, plan, p, n, pre, fin, result.records);
    }

    /** True once {@code namespace}'s preHook was started (its pod may exist, the app may be quiesced). */
    public boolean preHookStarted(String namespace) {
        return record(namespace, "preHook").filter(r -> r.status() != SlotStatus.SKIPPED).isPresent();
    }
}
