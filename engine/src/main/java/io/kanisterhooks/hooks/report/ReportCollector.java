package io.kanisterhooks.hooks.report;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.hooks.HookRunListener;
import io.kanisterhooks.hooks.HookSlot;
import io.kanisterhooks.hooks.state.RunState;
import io.kanisterhooks.hooks.state.SlotRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Listens to a run and assembles its {@link RunReport}, completed from the run-state for slots run earlier; the run
 * tells it about the stage.
 */
public final class ReportCollector implements HookRunListener {

    private final Map<String, List<ActionResult>> attempts = new HashMap<>();
    private final Set<String> earlier = new HashSet<>();
    private final HookLogs logs = new HookLogs();
    private StageReport stage;

    private static String key(String ns, HookSlot slot) {
        return ns + "\u0000" + slot.key();
    }

    @Override
    public void attemptStarted(String namespace, HookSlot slot, int attempt) {
        logs.attemptStarted(namespace, slot, attempt);
    }

    @Override
    public void log(String namespace, HookSlot slot, String phase, String line) {
        logs.add(namespace, slot, phase, line);
    }

    @Override
    public synchronized void attemptFinished(String namespace, HookSlot slot, int attempt, ActionResult result) {
        attempts.computeIfAbsent(key(namespace, slot), k -> new ArrayList<>()).add(result);
    }

    @Override
    public synchronized void slotDoneEarlier(String namespace, HookSlot slot, SlotRecord record) {
        earlier.add(key(namespace, slot));
    }

    /** {@code wrap} is about to run {@code command} (unless a preHook failed). */
    public synchronized void stage(List<String> command) {
        stage = new StageReport.Wrapped(command, List.of());
    }

    /** An attempt of the command given to {@link #stage(List)} ended. */
    public synchronized void stageAttempt(StageAttempt attempt) {
        StageReport.Wrapped w = (StageReport.Wrapped) stage;
        List<StageAttempt> all = new ArrayList<>(w.attempts());
        all.add(attempt);
        stage = new StageReport.Wrapped(w.command(), all);
    }

    /**
     * {@code hooks post}: the caller ran the stage after the preHooks ended ({@code preDone}, from the run's state;
     * null when unknown) and before this invocation started; it reported {@code succeeded}.
     */
    public synchronized void stageOutside(String preDone, Instant invocationStarted, boolean succeeded) {
        stage = new StageReport.Outside(parse(preDone), invocationStarted, succeeded);
    }

    public synchronized RunReport report(String command, boolean succeeded, Instant started, RunState state) {
        Map<String, List<SlotReport>> namespaces = new LinkedHashMap<>();
        for (String ns : state.namespaces()) {
            Map<HookSlot, SlotReport> slots = new EnumMap<>(HookSlot.class);
            for (HookSlot slot : HookSlot.values()) {
                state.record(ns, slot.key()).ifPresent(r -> slots.put(slot, slotReport(ns, slot, r)));
            }
            namespaces.put(ns, List.copyOf(slots.values()));
        }
        return new RunReport(state.runId(), command, succeeded, started, Instant.now(), namespaces, stage, logs);
    }

    private SlotReport slotReport(String ns, HookSlot slot, SlotRecord r) {
        return new SlotReport(slot, r.blueprint(), r.action(), r.status(), r.attempts(), r.error(),
                parse(r.started()), parse(r.finished()), List.copyOf(attempts.getOrDefault(key(ns, slot), List.of())),
                r.artifacts(), earlier.contains(key(ns, slot)) ? ReportValues.earlier(r) : null);
    }

    private static Instant parse(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
