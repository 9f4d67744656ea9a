package io.kanisterhooks.hooks.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one hook run has done so far, shared by the separate {@code hooks pre} and {@code hooks post} invocations
 * (the Jenkins library calls the CLI once before the stage and once after).
 *
 * @param hooks       slot → {@code blueprint/action}, to refuse a state written for other hooks
 * @param namespaces  the namespaces of the run, fixed when the run started (a selector is resolved once)
 * @param records     namespace → slot key → record
 */
public record RunState(int version, String runId, String tool, String created, Map<String, String> hooks,
                       List<String> namespaces, Map<String, Map<String, SlotRecord>> records) {

    public static final int VERSION = 1;

    public RunState {
        hooks = Map.copyOf(hooks);
        namespaces = List.copyOf(namespaces);
        Map<String, Map<String, SlotRecord>> copy = new LinkedHashMap<>();
        records.forEach((ns, slots) -> copy.put(ns, Map.copyOf(slots)));
        records = copy;
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
        return new RunState(version, runId, tool, created, hooks, namespaces, copy);
    }
}
