package io.kanisterhooks.hooks.report;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.hooks.state.SlotStatus;
import io.kanisterhooks.secrets.SecretValues;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * JUnit XML for Jenkins' {@code junit} step: one test case per namespace × hook slot (class = namespace, name =
 * {@code slot blueprint/action}), failures for failed or aborted hooks, skips for hooks that did not have to run; and
 * when {@code wrap} was to run a command, one for the stage (class {@code stage}, name = the command): a failure with
 * its exit code, attempts and last output lines when it failed, a skip when it did not run.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    public static String render(RunReport report, SecretValues secrets) {
        JUnitCases cases = new JUnitCases();
        if (report.stage() instanceof StageReport.Wrapped w) {
            String name = secrets.mask(w.shown());
            if (w.succeeded()) {
                cases.passed("stage", name, w.duration());
            } else if (w.last() == null) {
                cases.skipped("stage", name, w.duration(), "not run: "
                        + (report.abortedBy() != null ? report.abortedBy() : "a preHook failed"));
            } else {
                cases.failed("stage", name, w.duration(), w.last().abortedBy() != null ? "aborted" : "exit",
                        secrets.mask(stageFailure(w)), stageDetails(w, secrets));
            }
        }
        for (var entry : report.namespaces().entrySet()) {
            for (SlotReport s : entry.getValue()) {
                String name = s.slot().key() + " " + s.blueprint() + "/" + s.action();
                if (s.status() == SlotStatus.SUCCEEDED && s.earlier() == null) {
                    cases.passed(entry.getKey(), name, s.duration());
                } else if (s.earlier() != null || s.status() == SlotStatus.SKIPPED) {
                    String why = s.earlier() != null ? "not run again: " + s.earlier() : s.error();
                    cases.skipped(entry.getKey(), name, s.duration(), secrets.mask(why));
                } else {
                    String message = (s.status() == SlotStatus.CONTINUED ? "failed, continued (onError: Continue): "
                            : "") + secrets.mask(s.error() == null ? s.status().name() : s.error());
                    cases.failed(entry.getKey(), name, s.duration(), s.status().name().toLowerCase(Locale.ROOT),
                            firstLine(message), details(s, message, secrets));
                }
            }
        }
        return cases.suite("kanister-hooks", report.duration(), report.started().toString());
    }

    /** {@code exit code 3 after 2 attempts}, {@code stopped: aborted by SIGTERM (exit code 143)}. */
    static String stageFailure(StageReport.Wrapped w) {
        StageAttempt last = w.last();
        int n = w.attempts().size();
        String code = "exit code " + last.exitCode();
        if (last.abortedBy() != null) {
            return "stopped: " + last.abortedBy() + " (" + code + ")";
        }
        if (last.problem() != null) {
            return last.problem() + " (" + code + ")";
        }
        return code + (n > 1 ? " after " + n + " attempts" : "");
    }

    private static String stageDetails(StageReport.Wrapped w, SecretValues secrets) {
        StringBuilder sb = new StringBuilder(stageFailure(w)).append("\nattempts: ").append(w.attempts().size());
        for (String line : w.last().lastLines()) {
            sb.append("\n  | ").append(secrets.mask(line));
        }
        return sb.toString();
    }

    private static String details(SlotReport s, String message, SecretValues secrets) {
        StringBuilder sb = new StringBuilder(message).append("\nattempts: ").append(s.attemptCount());
        List<ActionResult> attempts = s.attempts();
        if (!attempts.isEmpty() && attempts.get(attempts.size() - 1).failedPhase() != null) {
            var phase = attempts.get(attempts.size() - 1).failedPhase();
            sb.append("\nfailed phase: ").append(phase.name()).append(" (").append(phase.function()).append(")");
            for (String line : phase.logTail()) {
                sb.append("\n  | ").append(secrets.mask(line));
            }
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }
}
