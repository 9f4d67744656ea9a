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
 */
public record SlotReport(HookSlot slot, String blueprint, String action, SlotStatus status, int attemptCount,
                         String error, Instant started, Instant finished, List<ActionResult> attempts,
                         Map<String, Artifact> artifacts) {

    public Duration duration() {
        return started == null || finished == null ? Duration.ZERO : Duration.between(started, finished);
    }
}
