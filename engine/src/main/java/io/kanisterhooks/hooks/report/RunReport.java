package io.kanisterhooks.hooks.report;

import io.kanisterhooks.cancel.Cancellation;
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

    /** Slots whose hook failed or was aborted (a continued failure is not one). */
    public List<SlotReport> hookFailures() {
        return namespaces.values().stream().flatMap(List::stream)
                .filter(s -> s.status() == SlotStatus.FAILED || s.status() == SlotStatus.ABORTED).toList();
    }

    /** Slots whose hook failed with {@code onError: Continue}. */
    public List<SlotReport> continuedFailures() {
        return namespaces.values().stream().flatMap(List::stream).filter(s -> s.status() == SlotStatus.CONTINUED)
                .toList();
    }

    /**
     * The run's outcome in a few words, saying whose failure it was: "hooks FAILED" only when a hook failed;
     * "the stage failed; hooks succeeded" when only the stage did; an abort as such.
     */
    public String verdict() {
        String aborted = abortedBy();
        int failed = hookFailures().size();
        int continued = continuedFailures().size();
        String continuedNote = continued == 0 ? "" : ", " + continued + " failed hook" + (continued == 1 ? "" : "s")
                + " continued (onError: Continue)";
        if (aborted != null) {
            return "run " + Cancellation.aborted(aborted) + (failed == 0 ? "" : "; " + failed + " hook" + (failed == 1 ? "" : "s")
                    + " did not finish") + continuedNote;
        }
        if (failed > 0) {
            return "hooks FAILED (" + failed + " hook" + (failed == 1 ? "" : "s") + ")" + continuedNote;
        }
        boolean stageFailed = stage instanceof StageReport.Wrapped w && w.last() != null && !w.succeeded()
                || stage instanceof StageReport.Outside o && !o.succeeded();
        return (stageFailed ? "the stage failed; hooks succeeded" : succeeded ? "hooks succeeded"
                : "hooks did not succeed") + continuedNote;
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
