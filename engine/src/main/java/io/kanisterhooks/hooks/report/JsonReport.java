package io.kanisterhooks.hooks.report;

import com.google.gson.GsonBuilder;
import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.PhaseResult;
import io.kanisterhooks.secrets.SecretValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine-readable result: per namespace, per hook slot: blueprint, action, status, attempts with their phases
 * (state, duration, outputs with secret values masked, error), and the preHook's artifacts (masked).
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(RunReport report, SecretValues secrets) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("runId", report.runId());
        root.put("command", report.command());
        root.put("outcome", report.succeeded() ? "success" : "failure");
        root.put("started", report.started().toString());
        root.put("finished", report.finished().toString());
        root.put("durationMs", report.duration().toMillis());
        Map<String, Object> namespaces = new LinkedHashMap<>();
        report.namespaces().forEach((ns, slots) -> {
            Map<String, Object> bySlot = new LinkedHashMap<>();
            for (SlotReport s : slots) {
                bySlot.put(s.slot().key(), slot(s, secrets));
            }
            namespaces.put(ns, bySlot);
        });
        root.put("namespaces", namespaces);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root);
    }

    private static Map<String, Object> slot(SlotReport s, SecretValues secrets) {
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
        for (ActionResult a : s.attempts()) {
            attempts.add(attempt(a, secrets));
        }
        m.put("attemptDetails", attempts);
        m.put("artifacts", ReportValues.maskedArtifacts(s.artifacts(), secrets));
        return m;
    }

    private static Map<String, Object> attempt(ActionResult a, SecretValues secrets) {
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
            pm.put("durationMs", p.duration().toMillis());
            pm.put("output", ReportValues.maskedOutput(p.output(), secrets));
            pm.put("error", secrets.mask(p.error()));
            phases.add(pm);
        }
        m.put("phases", phases);
        return m;
    }
}
