package io.kanisterhooks.hooks.report;

import io.kanisterhooks.hooks.state.SlotStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the reports show about one run, slots ordered preHook, onSuccess, onFailure, always.
 *
 * @param stage the stage as this invocation knows it; null when it knows nothing of it ({@code hooks pre},
 *              {@code runs recover})
 * @param logs  the log lines of the hook phases this invocation ran
 */
public record RunReport(String runId, String command, boolean succeeded, Instant started, Instant finished,
                        Map<String, List<SlotReport>> namespaces, StageReport stage, HookLogs logs) {

    public Duration duration() {
        return Duration.between(started, finished);
    }

    /** The abort that ended the run ("aborted by SIGTERM"), or null when it was not aborted. */
    public String abortedBy() {
        if (stage instanceof StageReport.Wrapped w && w.last() != null && w.last().abortedBy() != null) {
            return w.last().abortedBy();
        }
        return namespaces.values().stream().flatMap(List::stream).filter(s -> s.status() == SlotStatus.ABORTED)
                .map(s -> s.error() == null ? "aborted" : s.error().replaceFirst("^aborted: ", ""))
                .findFirst().orElse(null);
    }
}
