package io.kanisterhooks.hooks.report;

import com.google.gson.GsonBuilder;
import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.PhaseResult;
import io.kanisterhooks.hooks.state.SlotStatus;
import io.kanisterhooks.secrets.SecretValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine-readable result: the stage (as far as this invocation knows it), and per namespace, per hook slot:
 * blueprint, action, status, attempts with their phases (state, timing, outputs with secret values masked, error, log
 * file), and the preHook's artifacts (masked).
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(RunReport report, SecretValues secrets) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("runId", report.runId());
        root.put("command", secrets.mask(report.command()));
        root.put("outcome", report.succeeded() ? "success" : "failure");
        root.put("verdict", report.verdict());
        List<Map<String, Object>> continued = new ArrayList<>();
        report.namespaces().forEach((ns, slots) -> slots.stream().filter(s -> s.status() == SlotStatus.CONTINUED)
                .forEach(s -> {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("namespace", ns);
                    c.put("hook", s.slot().key());
                    c.put("action", s.blueprint() + "/" + s.action());
                    c.put("error", secrets.mask(s.error()));
                    continued.add(c);
                }));
        root.put("continuedFailures", continued);
        root.put("started", report.started().toString());
        root.put("finished", report.finished().toString());
        root.put("durationMs", report.duration().toMillis());
        root.put("stage", stage(report.stage(), secrets));
        Map<String, Object> namespaces = new LinkedHashMap<>();
        report.namespaces().forEach((ns, slots) -> {
            Map<String, Object> bySlot = new LinkedHashMap<>();
            for (SlotReport s : slots) {
                bySlot.put(s.slot().key(), slot(ns, s, report.logs(), secrets));
            }
            namespaces.put(ns, bySlot);
        });
        root.put("namespaces", namespaces);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root);
    }

    /**
     * {@code wrap}: the command, its exit code, attempts and duration, the last lines of its output; {@code hooks
     * post}: the interval that holds the stage the caller ran, and the outcome it reported; else null.
     */
    private static Map<String, Object> stage(StageReport stage, SecretValues secrets) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (stage instanceof StageReport.Wrapped w) {
            m.put("ran", "wrap");
            m.put("command", secrets.mask(w.shown()));
            m.put("succeeded", w.succeeded());
            m.put("exitCode", w.last() == null ? null : w.last().exitCode());
            m.put("attempts", w.attempts().size());
            m.put("durationMs", w.duration().toMillis());
            m.put("lastLines", w.last() == null ? List.of() : masked(w.last().lastLines(), secrets));
            List<Object> attempts = new ArrayList<>();
            for (StageAttempt a : w.attempts()) {
                Map<String, Object> am = new LinkedHashMap<>();
                am.put("started", a.started().toString());
                am.put("finished", a.finished().toString());
                am.put("durationMs", a.duration().toMillis());
                am.put("exitCode", a.exitCode());
                am.put("problem", secrets.mask(a.problem()));
                am.put("abortedBy", a.abortedBy());
                attempts.add(am);
            }
            m.put("attemptDetails", attempts);
            return m;
        }
        if (stage instanceof StageReport.Outside o) {
            m.put("ran", "outside");
            m.put("succeeded", o.succeeded());
            m.put("notBefore", o.from() == null ? null : o.from().toString());
            m.put("notAfter", o.to().toString());
            return m;
        }
        return null;
    }

    private static List<String> masked(List<String> lines, SecretValues secrets) {
        return lines.stream().map(secrets::mask).toList();
    }

    private static Map<String, Object> slot(String ns, SlotReport s, HookLogs logs, SecretValues secrets) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("blueprint", s.blueprint());
        m.put("action", s.action());
        m.put("status", s.status().name().toLowerCase(Locale.ROOT));
        m.put("attempts", s.attemptCount());
        m.put("durationMs", s.duration().toMillis());
        m.put("error", secrets.mask(s.error()));
        if (s.earlier() != null) {
            m.put("earlier", s.earlier());
        }
        List<Object> attempts = new ArrayList<>();
        for (int i = 0; i < s.attempts().size(); i++) {
            attempts.add(attempt(ns, s, i + 1, logs, secrets));
        }
        m.put("attemptDetails", attempts);
        m.put("artifacts", ReportValues.maskedArtifacts(s.artifacts(), secrets));
        return m;
    }

    private static Map<String, Object> attempt(String ns, SlotReport s, int attempt, HookLogs logs,
                                               SecretValues secrets) {
        ActionResult a = s.attempts().get(attempt - 1);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("succeeded", a.succeeded());
        m.put("subject", a.subject().describe());
        m.put("started", a.started().toString());
        m.put("durationMs", a.duration().toMillis());
        m.put("error", secrets.mask(a.error()));
        List<Object> phases = new ArrayList<>();
        for (PhaseResult p : a.phases()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("function", p.function());
            pm.put("defer", p.defer());
            pm.put("state", p.state().lower());
            pm.put("started", p.started() == null ? null : p.started().toString());
            pm.put("podStarted", p.podStarted() == null ? null : p.podStarted().toString());
            pm.put("durationMs", p.duration().toMillis());
            pm.put("output", ReportValues.maskedOutput(p.output(), secrets));
            pm.put("error", secrets.mask(p.error()));
            pm.put("log", logs.path(new HookLogs.Key(ns, s.slot(), attempt, p.name())));
            phases.add(pm);
        }
        m.put("phases", phases);
        return m;
    }
}
