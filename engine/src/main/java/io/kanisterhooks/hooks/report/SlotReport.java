package io.kanisterhooks.hooks.report;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.hooks.HookSlot;
import io.kanisterhooks.hooks.state.SlotStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One hook slot in one namespace: its outcome and, when it ran in this process, every attempt with its phases.
 * A slot that ran in an earlier invocation ({@code hooks pre} before {@code hooks post}) has no attempts here.
 *
 * @param earlier how it ended in an earlier invocation when this one did not run it
 *                ("succeeded at 10:02:11 UTC in attempt 1 (invocation 1 of this run)"), else null
 */
public record SlotReport(HookSlot slot, String blueprint, String action, SlotStatus status, int attemptCount,
                         String error, Instant started, Instant finished, List<ActionResult> attempts,
                         Map<String, Artifact> artifacts, String earlier) {

    /**
     * Whether it ran in an earlier invocation of the run and not in this one (a preHook seen by {@code hooks post},
     * or one not run again by a later {@code hooks pre}).
     */
    public boolean ranEarlier() {
        return earlier != null || attempts.isEmpty() && attemptCount > 0;
    }

    public Duration duration() {
        return started == null || finished == null ? Duration.ZERO : Duration.between(started, finished);
    }
}
