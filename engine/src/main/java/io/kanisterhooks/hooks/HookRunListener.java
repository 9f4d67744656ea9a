package io.kanisterhooks.hooks;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.PhaseResult;
import io.kanisterhooks.hooks.state.SlotRecord;

/** Progress of a hook run, for the console and the reports. Called concurrently from namespace threads. */
public interface HookRunListener {

    default void attemptStarted(String namespace, HookSlot slot, int attempt) {
    }

    default void phaseStarted(String namespace, HookSlot slot, String phase) {
    }

    default void log(String namespace, HookSlot slot, String phase, String line) {
    }

    default void phaseFinished(String namespace, HookSlot slot, PhaseResult result) {
    }

    default void attemptFinished(String namespace, HookSlot slot, int attempt, ActionResult result) {
    }

    /**
     * The slot had finished in an earlier invocation of the run (a preHook that succeeded before a stage retry, an
     * onFailure that ran before a recovery): it is not run again.
     */
    default void slotDoneEarlier(String namespace, HookSlot slot, SlotRecord record) {
    }

    /** The slot's final outcome in this namespace ({@code skipped} records included). */
    default void slotFinished(String namespace, HookSlot slot, SlotRecord record) {
    }
}
