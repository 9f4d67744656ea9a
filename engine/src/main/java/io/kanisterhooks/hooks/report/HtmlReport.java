package io.kanisterhooks.hooks.report;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.PhaseResult;
import io.kanisterhooks.hooks.state.SlotStatus;
import io.kanisterhooks.secrets.SecretValues;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

/**
 * The HTML report, rendered with Apache Velocity: a summary table, a timeline per namespace, and every attempt's phases
 * with durations and (masked) outputs. Every value is HTML-escaped here, so the template only places text.
 */
public final class HtmlReport {

    private static final String TEMPLATE = "io/kanisterhooks/hooks/report/report.html.vm";

    private HtmlReport() {
    }

    public static String render(RunReport report, SecretValues secrets) {
        VelocityEngine engine = new VelocityEngine();
        engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
        engine.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
        engine.init();
        Template template = engine.getTemplate(TEMPLATE, "UTF-8");
        VelocityContext context = new VelocityContext();
        context.put("run", runView(report));
        context.put("namespaces", namespaceViews(report, secrets));
        StringWriter out = new StringWriter();
        template.merge(context, out);
        return out.toString();
    }

    private static Map<String, Object> runView(RunReport r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", html(r.runId()));
        v.put("command", html(r.command()));
        v.put("outcome", r.succeeded() ? "success" : "failure");
        v.put("started", html(r.started().truncatedTo(ChronoUnit.SECONDS).toString()));
        v.put("duration", ReportValues.human(r.duration()));
        return v;
    }

    private static List<Map<String, Object>> namespaceViews(RunReport r, SecretValues secrets) {
        long total = Math.max(1, r.duration().toMillis());
        List<Map<String, Object>> namespaces = new ArrayList<>();
        r.namespaces().forEach((ns, slots) -> {
            List<Map<String, Object>> slotViews = new ArrayList<>();
            List<Map<String, Object>> bars = new ArrayList<>();
            for (SlotReport s : slots) {
                slotViews.add(slotView(s, secrets));
                int attempt = 0;
                for (ActionResult a : s.attempts()) {
                    attempt++;
                    bars.add(bar(r.started(), total, a, s.slot().key() + " #" + attempt));
                }
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", html(ns));
            v.put("slots", slotViews);
            v.put("bars", bars);
            namespaces.add(v);
        });
        return namespaces;
    }

    private static Map<String, Object> bar(Instant runStart, long total, ActionResult a, String label) {
        long width = Math.max(a.duration().toMillis(), total / 100);
        // a bar always fits: one that would run past the end is moved left
        long offset = Math.min(Math.max(0, a.started().toEpochMilli() - runStart.toEpochMilli()), total - width);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("left", percent(Math.max(0, offset), total));
        v.put("width", percent(width, total));
        v.put("label", html(label + " " + ReportValues.human(a.duration())));
        v.put("ok", a.succeeded());
        return v;
    }

    private static String percent(long part, long total) {
        return String.format(Locale.ROOT, "%.2f", Math.min(100.0, 100.0 * part / total));
    }

    private static Map<String, Object> slotView(SlotReport s, SecretValues secrets) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("slot", s.slot().key());
        v.put("target", html(s.blueprint() + "/" + s.action()));
        v.put("status", s.status().name().toLowerCase(Locale.ROOT));
        v.put("attempts", s.attemptCount());
        v.put("duration", ReportValues.human(s.duration()));
        v.put("error", html(secrets.mask(s.earlier() != null ? "not run again: " + s.earlier() : s.error())));
        List<Map<String, Object>> attempts = new ArrayList<>();
        for (ActionResult a : s.attempts()) {
            Map<String, Object> av = new LinkedHashMap<>();
            av.put("ok", a.succeeded());
            av.put("subject", html(a.subject().describe()));
            av.put("duration", ReportValues.human(a.duration()));
            av.put("phases", a.phases().stream().map(p -> phaseView(p, secrets)).toList());
            attempts.add(av);
        }
        v.put("attemptViews", attempts);
        Map<String, String> artifacts = new LinkedHashMap<>();
        s.artifacts().forEach((name, a) -> {
            a.keyValue().forEach((k, value) -> artifacts.put(html(name + "." + k), html(secrets.maskEntry(k, value))));
            if (!a.kopiaSnapshot().isEmpty()) {
                artifacts.put(html(name + ".kopiaSnapshot"), html(secrets.mask(a.kopiaSnapshot())));
            }
        });
        v.put("artifacts", artifacts);
        v.put("skipped", s.status() == SlotStatus.SKIPPED);
        return v;
    }

    private static Map<String, Object> phaseView(PhaseResult p, SecretValues secrets) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", html(p.name() + (p.defer() ? " (defer)" : "")));
        v.put("function", html(p.function()));
        v.put("state", p.state().lower());
        v.put("duration", ReportValues.human(p.duration()));
        Map<String, String> output = new LinkedHashMap<>();
        ReportValues.maskedOutput(p.output(), secrets).forEach((k, val) -> output.put(html(k), html(val)));
        v.put("output", output);
        v.put("error", html(secrets.mask(p.error())));
        return v;
    }

    static String html(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
