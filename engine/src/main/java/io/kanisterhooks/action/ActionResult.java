package io.kanisterhooks.action;

import io.kanisterhooks.blueprint.Artifact;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one blueprint action on one subject: phases in order (defer phase last), the rendered output
 * artifacts (only when every phase and the defer phase succeeded, as in Kanister), and the error that decided a failure.
 */
public record ActionResult(String blueprint, String action, Subject subject, boolean succeeded,
                           List<PhaseResult> phases, Map<String, Artifact> artifacts, String error,
                           Instant started, Instant finished) {

    public Duration duration() {
        return Duration.between(started, finished);
    }

    /** The phase whose failure decided the outcome, if any. */
    public PhaseResult failedPhase() {
        PhaseResult last = null;
        for (PhaseResult p : phases) {
            if (p.state() == PhaseState.FAILED) {
                last = p;
            }
        }
        return last;
    }
}
