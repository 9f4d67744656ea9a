package io.kanisterhooks.hooks.report;

import static io.kanisterhooks.hooks.report.HtmlReport.html;
import static io.kanisterhooks.hooks.report.HtmlReport.plural;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.PhaseResult;
import io.kanisterhooks.hooks.HookSlot;
import io.kanisterhooks.hooks.state.SlotStatus;
import io.kanisterhooks.secrets.SecretValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The top of the HTML report: how the run ended and, when it failed, why — the hooks that failed (in which namespace,
 * with their error and the last lines of the failed phase's log) and the stage (its exit code and last output lines),
 * in the order they happened; then what ran because of it (onFailure).
 */
final class OutcomeBanner {

    private final RunReport report;
    private final SecretValues secrets;

    OutcomeBanner(RunReport report, SecretValues secrets) {
        this.report = report;
        this.secrets = secrets;
    }

    Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        String outcome = HtmlReport.outcome(report);
        v.put("kind", outcome);
        List<Map<String, Object>> reasons = new ArrayList<>();
        List<String> then = new ArrayList<>();
        if (outcome.equals("success")) {
            int continued = report.continuedFailures().size();
            v.put("title", "Succeeded: " + (continued == 0 ? successText() : plural(continued, "hook")
                    + " failed with onError: Continue, and the run went on"));
            if (continued > 0) {
                v.put("kind", "continued");
                slotReasons(reasons, true, true);
                slotReasons(reasons, false, true);
            }
        } else {
            v.put("title", outcome.equals("aborted") ? html(abortTitle(report.abortedBy())) : "Why this run failed");
            slotReasons(reasons, true, false);
            stageReason(reasons);
            slotReasons(reasons, false, false);
            onFailure(then);
        }
        v.put("reasons", reasons);
        v.put("then", then);
        return v;
    }

    /** {@code Aborted by SIGTERM}. */
    private static String abortTitle(String abortedBy) {
        return abortedBy.startsWith("aborted") ? "A" + abortedBy.substring(1) : "Aborted: " + abortedBy;
    }

    private String successText() {
        String hooks = report.namespaces().values().stream().allMatch(List::isEmpty) ? "no hook had to run"
                : "every hook succeeded";
        if (report.stage() instanceof StageReport.Wrapped w && w.last() != null) {
            return hooks + "; the stage exited with code 0" + (w.attempts().size() > 1 ? " in attempt "
                    + w.attempts().size() : "");
        }
        return hooks;
    }

    /** Failed or aborted hooks (or those that failed and continued): the preHooks (before the stage) or the others. */
    private void slotReasons(List<Map<String, Object>> reasons, boolean preHooks, boolean continued) {
        report.namespaces().forEach((ns, slots) -> {
            for (SlotReport s : slots) {
                boolean bad = continued ? s.status() == SlotStatus.CONTINUED
                        : s.status() == SlotStatus.FAILED || s.status() == SlotStatus.ABORTED;
                if (bad && (s.slot() == HookSlot.PRE_HOOK) == preHooks) {
                    reasons.add(slotReason(ns, s));
                }
            }
        });
    }

    private Map<String, Object> slotReason(String ns, SlotReport s) {
        String what = s.status() == SlotStatus.ABORTED ? "was aborted"
                : s.status() == SlotStatus.CONTINUED ? "failed (onError: Continue)" : "failed";
        String text = "<strong>" + s.slot().key() + "</strong> <code>" + html(s.blueprint() + "/" + s.action())
                + "</code> " + what + " in namespace <code>" + html(ns) + "</code>"
                + (s.ranEarlier() ? " in an earlier invocation of the run"
                : s.attemptCount() > 0 ? " after " + plural(s.attemptCount(), "attempt") : "");
        Map<String, Object> r = reason(text, s.error());
        if (!s.attempts().isEmpty()) {
            int n = s.attempts().size();
            ActionResult last = s.attempts().get(n - 1);
            PhaseResult phase = last.failedPhase();
            if (phase != null) {
                HookLogs.Key key = new HookLogs.Key(ns, s.slot(), n, phase.name());
                List<String> lines = HtmlReport.lastLines(report, key, phase);
                if (!lines.isEmpty()) {
                    r.put("lines", HtmlReport.shown(lines, secrets));
                    r.put("linesTitle", "Last lines of phase " + html(phase.name()) + " (" + html(phase.function())
                            + ")" + (n > 1 ? ", attempt " + n : ""));
                    String path = report.logs().path(key);
                    r.put("log", path == null ? "" : html(path));
                }
            }
        }
        return r;
    }

    private void stageReason(List<Map<String, Object>> reasons) {
        if (report.stage() instanceof StageReport.Wrapped w) {
            StageAttempt last = w.last();
            String command = "The stage <code>" + html(secrets.mask(w.shown())) + "</code>";
            if (last == null) {
                if (report.abortedBy() != null) {
                    reasons.add(reason(command + " did not run: the run was " + html(report.abortedBy())
                            + " before it started", null));
                }
                return; // else a preHook failed, and says so
            }
            if (last.succeeded()) {
                return;
            }
            String text = command + (last.abortedBy() != null ? " was stopped (" + html(last.abortedBy()) + ")"
                    : last.problem() != null ? " could not start" : " failed") + " with exit code <strong>"
                    + last.exitCode() + "</strong>" + (w.attempts().size() > 1 ? " after "
                    + plural(w.attempts().size(), "attempt") : "");
            Map<String, Object> r = reason(text, last.problem());
            if (!last.lastLines().isEmpty()) {
                r.put("lines", HtmlReport.shown(last.lastLines(), secrets));
                r.put("linesTitle", "Last lines of its output" + (w.attempts().size() > 1 ? " (attempt "
                        + w.attempts().size() + ")" : ""));
            }
            reasons.add(r);
        } else if (report.stage() instanceof StageReport.Outside o && !o.succeeded()) {
            reasons.add(reason("The stage failed: the caller ran it and reported <code>hooks post --outcome "
                    + "failure</code>; its output is in the caller's log", null));
        }
    }

    /** Where onFailure ran, and how it ended. */
    private void onFailure(List<String> then) {
        Map<String, List<String>> byOutcome = new LinkedHashMap<>();
        String target = null;
        for (Map.Entry<String, List<SlotReport>> e : report.namespaces().entrySet()) {
            for (SlotReport s : e.getValue()) {
                if (s.slot() == HookSlot.ON_FAILURE && s.status() != SlotStatus.SKIPPED && !s.ranEarlier()) {
                    target = s.blueprint() + "/" + s.action();
                    byOutcome.computeIfAbsent(s.status().name().toLowerCase(Locale.ROOT),
                            k -> new ArrayList<>()).add("<code>" + html(e.getKey()) + "</code>");
                }
            }
        }
        if (target != null) {
            List<String> parts = new ArrayList<>();
            byOutcome.forEach((status, namespaces) -> parts.add(status + " in " + String.join(", ", namespaces)));
            then.add("Then onFailure <code>" + html(target) + "</code> ran: " + String.join("; ", parts) + ".");
        }
    }

    private Map<String, Object> reason(String text, String error) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("text", text);
        r.put("error", html(secrets.mask(error)));
        r.put("lines", List.of());
        r.put("linesTitle", "");
        r.put("log", "");
        return r;
    }
}
