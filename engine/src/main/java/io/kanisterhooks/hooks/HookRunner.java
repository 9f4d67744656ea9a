package io.kanisterhooks.hooks;

import io.kanisterhooks.action.ActionExecutor;
import io.kanisterhooks.action.ActionListener;
import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.PhaseResult;
import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.hooks.state.RunStateStore;
import io.kanisterhooks.hooks.state.SlotRecord;
import io.kanisterhooks.hooks.state.SlotStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Runs hooks with K10's semantics (README, "How hooks behave"): preHook before the stage, onSuccess after a successful
 * stage, onFailure after a failure, {@code always} last; preHook and onSuccess retried up to their {@code maxRetries},
 * onFailure never; a hook that succeeded is never run again in the same run; every namespace on its own, in parallel up
 * to the plan's bound, one namespace's failure never stopping another's hooks. A hook with {@code onError: Continue}
 * whose last attempt failed is recorded as {@link SlotStatus#CONTINUED} and the run goes on as after a success.
 */
public final class HookRunner {

    /** Labels that identify hook pods, so that an abort or a crash can find and remove them. */
    public static final String LABEL_RUN = HookPlan.LABEL_RUN;
    public static final String LABEL_NAMESPACE = HookPlan.LABEL_NAMESPACE;
    public static final String LABEL_HOOK = HookPlan.LABEL_HOOK;
    public static final String LABEL_ATTEMPT = HookPlan.LABEL_ATTEMPT;

    private final HookPlan plan;
    private final ActionExecutor executor;
    private final RunStateStore store;
    private final HookRunListener listener;
    private final Cancellation abort;
    private final RetryDelay retryDelay;
    private final int invocation;

    /** @param invocation which invocation of the run this is (1 for the first), kept in every record it writes */
    public HookRunner(HookPlan plan, ActionExecutor executor, RunStateStore store, HookRunListener listener,
                      Cancellation abort, RetryDelay retryDelay, int invocation) {
        this.plan = plan;
        this.executor = executor;
        this.store = store;
        this.listener = listener;
        this.abort = abort;
        this.retryDelay = retryDelay;
        this.invocation = invocation;
    }

    /** Pause between attempts of a retried hook. */
    @FunctionalInterface
    public interface RetryDelay {
        RetryDelay NONE = attempt -> 0;

        long millisBefore(int attempt);
    }

    /** The preHook in every namespace where it has not succeeded yet. */
    public RunOutcome pre() {
        return forEachNamespace(ns -> true, ns -> {
            SlotRecord r = runSlot(ns, HookSlot.PRE_HOOK, Map.of(), abort);
            return r == null || r.ok();
        });
    }

    /**
     * onSuccess (when the stage and this namespace's preHook succeeded) or onFailure, then always.
     *
     * @param parent what bounds these hooks: the run's abort signal, or after an abort a fresh one
     */
    public RunOutcome post(boolean stageSucceeded, Cancellation parent) {
        return post(stageSucceeded, parent, ns -> true);
    }

    /**
     * {@link #post(boolean, Cancellation)} for the namespaces {@code which} accepts (recovery: those whose preHook
     * started). A namespace whose onSuccess already succeeded gets no onFailure, whatever the stage did.
     */
    public RunOutcome post(boolean stageSucceeded, Cancellation parent, Predicate<String> which) {
        return forEachNamespace(which, ns -> {
            Map<String, Artifact> artifacts = preHookArtifacts(ns);
            boolean preOk = plan.hooks().get(HookSlot.PRE_HOOK).isEmpty()
                    || store.state().record(ns, HookSlot.PRE_HOOK.key()).map(SlotRecord::ok).orElse(false);
            boolean successDone = store.state().record(ns, HookSlot.ON_SUCCESS.key()).map(SlotRecord::ok)
                    .orElse(false);
            boolean failureDecided = store.state().record(ns, HookSlot.ON_FAILURE.key())
                    .filter(r -> r.status() != SlotStatus.SKIPPED).isPresent();
            boolean success = successDone || stageSucceeded && preOk && !failureDecided;
            if (success) {
                SlotRecord r = runSlot(ns, HookSlot.ON_SUCCESS, artifacts, parent);
                success = r == null || r.ok();
            } else {
                skip(ns, HookSlot.ON_SUCCESS, failureDecided ? "onFailure already ran"
                        : stageSucceeded ? "preHook did not succeed" : "the stage did not succeed");
            }
            if (!success) {
                runSlot(ns, HookSlot.ON_FAILURE, artifacts, parent);
            }
            SlotRecord always = runSlot(ns, HookSlot.ALWAYS, artifacts, parent);
            return success && (always == null || always.ok());
        });
    }

    private Map<String, Artifact> preHookArtifacts(String ns) {
        return store.state().record(ns, HookSlot.PRE_HOOK.key()).map(SlotRecord::artifacts).orElse(Map.of());
    }

    /** A namespace's part of a run; true when everything it ran succeeded. */
    @FunctionalInterface
    private interface NamespaceWork {
        boolean run(String namespace);
    }

    private RunOutcome forEachNamespace(Predicate<String> which, NamespaceWork work) {
        List<String> namespaces = plan.namespaces().stream().filter(which).toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(plan.parallelism(),
                namespaces.size())), r -> {
                    Thread t = new Thread(r, "hooks");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (String ns : namespaces) {
                results.add(pool.submit(() -> work.run(ns)));
            }
            List<String> failed = new ArrayList<>();
            for (int i = 0; i < namespaces.size(); i++) {
                if (!get(results.get(i))) {
                    failed.add(namespaces.get(i));
                }
            }
            Map<String, Map<String, Artifact>> artifacts = new LinkedHashMap<>();
            for (String ns : plan.namespaces()) {
                artifacts.put(ns, preHookArtifacts(ns));
            }
            return new RunOutcome(failed.isEmpty(), abort.isCancelled(), failed, artifacts);
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean get(Future<Boolean> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("hook run failed unexpectedly", e.getCause());
        }
    }

    /** Runs one slot in one namespace unless it already ran; null when the run has no hook in that slot. */
    private SlotRecord runSlot(String ns, HookSlot slot, Map<String, Artifact> artifactsIn, Cancellation parent) {
        Optional<HookReference> hook = plan.hooks().get(slot);
        if (hook.isEmpty()) {
            return null;
        }
        Optional<SlotRecord> earlier = store.state().record(ns, slot.key());
        // done: it succeeded, or (a slot never retried) it ran to its end and failed; an attempt that was
        // interrupted (its process killed, an abort) did not end, so it runs again — hooks are idempotent, as in K10
        if (earlier.isPresent() && (earlier.get().ok()
                || !slot.retriable() && earlier.get().status() == SlotStatus.FAILED)) {
            listener.slotDoneEarlier(ns, slot, earlier.get());
            return earlier.get();
        }
        HookReference h = hook.get();
        int maxAttempts = 1 + (slot.retriable() ? h.maxRetries() : 0);
        String started = Instant.now().toString();
        // recorded before the first pod exists: a crash from here on leaves a trace that recovery acts on
        store.put(ns, slot.key(), new SlotRecord(h.blueprint(), h.actionName(), SlotStatus.RUNNING, 0, null,
                started, null, Map.of(), invocation));
        SlotRecord record = null;
        for (int attempt = 1; attempt <= maxAttempts && record == null; attempt++) {
            if (parent.isCancelled()) {
                record = finished(h, SlotStatus.ABORTED, attempt - 1, Cancellation.aborted(parent.reason()), started, Map.of());
                break;
            }
            Cancellation attemptCancellation = parent.child(h.timeout());
            listener.attemptStarted(ns, slot, attempt);
            ActionResult result = executor.execute(plan.request(h, ns, attempt, artifactsIn),
                    forward(ns, slot), attemptCancellation);
            listener.attemptFinished(ns, slot, attempt, result);
            if (result.succeeded()) {
                record = finished(h, SlotStatus.SUCCEEDED, attempt, null, started,
                        slot == HookSlot.PRE_HOOK ? result.artifacts() : Map.of());
            } else if (parent.isCancelled()) {
                record = finished(h, SlotStatus.ABORTED, attempt, result.error(), started, Map.of());
            } else if (attempt == maxAttempts) {
                record = finished(h, h.onError() == OnError.CONTINUE ? SlotStatus.CONTINUED : SlotStatus.FAILED,
                        attempt, result.error(), started, Map.of());
            } else {
                parent.sleep(retryDelay.millisBefore(attempt + 1));
            }
        }
        save(ns, slot, record);
        return record;
    }

    private void skip(String ns, HookSlot slot, String why) {
        plan.hooks().get(slot).ifPresent(h -> {
            if (store.state().record(ns, slot.key()).filter(r -> r.status().finished()).isEmpty()) {
                save(ns, slot, finished(h, SlotStatus.SKIPPED, 0, why, Instant.now().toString(), Map.of()));
            }
        });
    }

    private void save(String ns, HookSlot slot, SlotRecord record) {
        store.put(ns, slot.key(), record);
        listener.slotFinished(ns, slot, record);
    }

    private SlotRecord finished(HookReference h, SlotStatus status, int attempts, String error,
                                String started, Map<String, Artifact> artifacts) {
        return new SlotRecord(h.blueprint(), h.actionName(), status, attempts, error, started,
                Instant.now().toString(), artifacts, invocation);
    }

    private ActionListener forward(String ns, HookSlot slot) {
        return new ActionListener() {
            @Override
            public void phaseStarted(String phase, String function) {
                listener.phaseStarted(ns, slot, phase);
            }

            @Override
            public void log(String phase, String line) {
                listener.log(ns, slot, phase, line);
            }

            @Override
            public void phaseFinished(PhaseResult result) {
                listener.phaseFinished(ns, slot, result);
            }
        };
    }
}
