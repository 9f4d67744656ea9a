package io.kanisterhooks.action;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What happened to one phase.
 *
 * @param podStarted when the phase's job pod was seen running (it left Pending): what came before it since
 *                   {@code started} was pod start-up; null when the phase started no job pod or it never ran
 * @param output  the function's output (Kanister types kept: strings from markers, int32 from ScaleWorkload, …)
 * @param error   the failure message, or null
 * @param logTail the last log lines of the phase's pod or command (for failure messages)
 */
public record PhaseResult(String name, String function, boolean defer, PhaseState state, Instant started,
                          Instant podStarted, Instant finished, Map<String, Object> output, String error,
                          List<String> logTail) {

    public static PhaseResult pending(String name, String function, boolean defer) {
        return new PhaseResult(name, function, defer, PhaseState.PENDING, null, null, null, Map.of(), null, List.of());
    }

    public Duration duration() {
        return started == null || finished == null ? Duration.ZERO : Duration.between(started, finished);
    }
}
