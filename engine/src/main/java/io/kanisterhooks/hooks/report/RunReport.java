package io.kanisterhooks.hooks.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything the reports show about one run, slots ordered preHook, onSuccess, onFailure, always. */
public record RunReport(String runId, String command, boolean succeeded, Instant started, Instant finished,
                        Map<String, List<SlotReport>> namespaces) {

    public Duration duration() {
        return Duration.between(started, finished);
    }
}
