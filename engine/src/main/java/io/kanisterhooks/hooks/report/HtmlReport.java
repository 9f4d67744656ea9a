package io.kanisterhooks.hooks.report;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.PhaseResult;
import io.kanisterhooks.hooks.HookSlot;
import io.kanisterhooks.hooks.state.SlotStatus;
import io.kanisterhooks.secrets.SecretValues;
import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

/**
 * The HTML report, rendered with Apache Velocity: why the run failed first, a table of the hooks, a timeline, the
 * stage, and every attempt's phases with durations, (masked) outputs and the last lines of their logs. It is made for
 * Jenkins' Content-Security-Policy: styles only from the stylesheet next to it ({@link ReportFiles#CSS}), no script.
 * Every value is HTML-escaped here, so the template only places text.
 */
public final class HtmlReport {

    private static final String TEMPLATE = "io/kanisterhooks/hooks/report/report.html.vm";
    /** Log lines shown per phase; the whole log is a file next to the report. */
    static final int TAIL = 10;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final RunReport report;
    private final SecretValues secrets;
    private final Set<String> logFiles;
    private final TimelineSvg timeline;

    private HtmlReport(RunReport report, SecretValues secrets, Set<String> logFiles) {
        this.report = report;
        this.secrets = secrets;
        this.logFiles = logFiles;
        this.timeline = new TimelineSvg(report, secrets);
    }

    public static String render(RunReport report, SecretValues secrets) {
        return render(report, secrets, Set.of());
    }

    /**
     * @param logFiles the hook logs in the report directory (relative paths), those of earlier invocations of the run
     *                 included: the report links them for hooks that ran earlier
     */
    public static String render(RunReport report, SecretValues secrets, Set<String> logFiles) {
        return new HtmlReport(report, secrets, logFiles).render();
    }

    /**
     * Starts parsing the template on a background thread. Loading Velocity and parsing take ~0.2 s of CPU, which a
     * command that writes the report at its end can spend while its hooks run instead.
     */
    static void prepare() {
        Thread parsing = new Thread(() -> Parsed.REPORT.getName(), "kanister-hooks-report-template");
        parsing.setDaemon(true);
        parsing.start();
    }

    /** The template, parsed once per process (a Velocity template may be merged by several threads at once). */
    private static final class Parsed {
        static final Template REPORT = parse();

        private static Template parse() {
            VelocityEngine engine = new VelocityEngine();
            engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
            engine.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
            // one template, parsed once per process: not the 20 parsers Velocity makes ready by default (≈ 10 ms)
            engine.setProperty(RuntimeConstants.PARSER_POOL_SIZE, 1);
            engine.init();
            return engine.getTemplate(HtmlReport.TEMPLATE, "UTF-8");
        }
    }

    private String render() {
        Template template = Parsed.REPORT;
        VelocityContext context = new VelocityContext();
        context.put("run", runView());
        context.put("banner", new OutcomeBanner(report, secrets).view());
        context.put("summary", summaryView());
        context.put("timeline", timelineView());
        context.put("stage", stageView());
        context.put("namespaces", namespaceViews());
        StringWriter out = new StringWriter();
        template.merge(context, out);
        return out.toString();
    }

    static String outcome(RunReport r) {
        return r.succeeded() ? "success" : r.abortedBy() != null ? "aborted" : "failure";
    }

    private Map<String, Object> runView() {
        Map<String, Object> v = new LinkedHashMap<>();
        String outcome = outcome(report);
        v.put("id", html(report.runId()));
        v.put("command", html(secrets.mask(report.command())));
        v.put("outcome", outcome);
        v.put("outcomeText", switch (outcome) {
            case "success" -> "Succeeded";
            case "aborted" -> "Aborted";
            default -> "Failed";
        });
        v.put("started", WHEN.format(report.started()) + " UTC");
        v.put("duration", ReportValues.human(report.duration()));
        v.put("namespaceCount", report.namespaces().size());
        v.put("stylesheet", ReportFiles.CSS);
        return v;
    }

    private Map<String, Object> summaryView() {
        List<HookSlot> used = new ArrayList<>();
        Map<HookSlot, String> targets = new LinkedHashMap<>();
        report.namespaces().values().forEach(slots -> slots.forEach(s -> {
            targets.putIfAbsent(s.slot(), s.blueprint() + "/" + s.action());
            if (!used.contains(s.slot())) {
                used.add(s.slot());
            }
        }));
        used.sort(null);
        List<Map<String, Object>> columns = new ArrayList<>();
        for (HookSlot slot : used) {
            columns.add(Map.of("key", slot.key(), "target", html(targets.get(slot))));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        report.namespaces().forEach((ns, slots) -> {
            List<Map<String, String>> cells = new ArrayList<>();
            for (HookSlot slot : used) {
                SlotReport s = slots.stream().filter(x -> x.slot() == slot).findFirst().orElse(null);
                cells.add(s == null ? Map.of("status", "", "text", "")
                        : Map.of("status", status(s), "text", cellText(s)));
            }
            rows.add(Map.of("ns", html(ns), "cells", cells));
        });
        return Map.of("slots", columns, "rows", rows);
    }

    private static String status(SlotReport s) {
        return s.status().name().toLowerCase(Locale.ROOT);
    }

    private static String cellText(SlotReport s) {
        if (s.ranEarlier()) {
            return "in an earlier invocation";
        }
        if (s.attempts().isEmpty()) {
            return "";
        }
        return ReportValues.human(s.duration()) + (s.attemptCount() > 1 ? " · " + s.attemptCount() + " attempts" : "");
    }

    private Map<String, Object> timelineView() {
        Map<String, String> meanings = new LinkedHashMap<>();
        meanings.put("startup", "hook start-up: setting up, job pod starting");
        meanings.put("run", "hook running (from its pod running to the phase's end)");
        meanings.put("stage", "stage command");
        meanings.put("ko", "failed");
        meanings.put("aborted", "aborted");
        meanings.put("outside", "stage, run by the caller outside this process");
        meanings.put("earlier", "earlier invocation of the run");
        List<Map<String, String>> legend = new ArrayList<>();
        meanings.forEach((css, text) -> {
            if (timeline.uses(css)) {
                legend.add(Map.of("swatch", css.equals("ko") ? "failed" : css, "text", text));
            }
        });
        return Map.of("svg", timeline.svg(), "legend", legend, "caption", "Seconds since "
                + WHEN.format(timeline.origin()) + " UTC. Point at a bar for its details.");
    }

    private Map<String, Object> stageView() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("shown", report.stage() != null);
        List<Map<String, Object>> attempts = new ArrayList<>();
        List<String> lines = List.of();
        String linesTitle = "";
        if (report.stage() instanceof StageReport.Wrapped w) {
            v.put("status", w.succeeded() ? "succeeded" : w.last() == null ? "skipped"
                    : w.last().abortedBy() != null ? "aborted" : "failed");
            v.put("description", "<code>" + html(secrets.mask(w.shown())) + "</code>, run by <code>wrap</code> in "
                    + "this process, its output passed through to the console"
                    + (w.last() == null ? ". It did not run: " + html(report.abortedBy() != null
                    ? report.abortedBy() : "a preHook failed") + "." : "."));
            int n = 0;
            for (StageAttempt a : w.attempts()) {
                n++;
                Map<String, Object> av = new LinkedHashMap<>();
                av.put("n", n);
                av.put("started", "+" + ReportValues.human(Duration.between(timeline.origin(), a.started())) + " ("
                        + ReportValues.clock(a.started()) + ")");
                av.put("duration", ReportValues.human(a.duration()));
                av.put("exitCode", a.exitCode());
                av.put("status", a.succeeded() ? "succeeded" : a.abortedBy() != null ? "aborted" : "failed");
                av.put("note", html(secrets.mask(a.abortedBy() != null ? "stopped: " + a.abortedBy()
                        : a.problem() != null ? a.problem() : "")));
                attempts.add(av);
            }
            if (w.last() != null && !w.last().lastLines().isEmpty()) {
                lines = shown(w.last().lastLines(), secrets);
                linesTitle = "Last " + plural(lines.size(), "line") + " of its output"
                        + (w.attempts().size() > 1 ? " (attempt " + w.attempts().size() + ")" : "");
            }
        } else if (report.stage() instanceof StageReport.Outside o) {
            v.put("status", o.succeeded() ? "succeeded" : "failed");
            v.put("description", "The caller ran the stage outside this process"
                    + (o.from() != null ? ", between " + ReportValues.clock(o.from()) + " (the preHooks ended) and "
                    + ReportValues.clock(o.to()) + " (<code>hooks post</code> started)" : "")
                    + ", and reported it with <code>--outcome " + (o.succeeded() ? "success" : "failure")
                    + "</code>. Its output is in the caller's log.");
        }
        v.put("statusText", v.get("status"));
        v.put("attempts", attempts);
        v.put("lines", lines);
        v.put("linesTitle", linesTitle);
        return v;
    }

    private List<Map<String, Object>> namespaceViews() {
        List<Map<String, Object>> namespaces = new ArrayList<>();
        report.namespaces().forEach((ns, slots) -> {
            List<Map<String, Object>> slotViews = new ArrayList<>();
            for (SlotReport s : slots) {
                slotViews.add(slotView(ns, s));
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", html(ns));
            v.put("anchor", html(ns));
            v.put("slots", slotViews);
            namespaces.add(v);
        });
        return namespaces;
    }

    private Map<String, Object> slotView(String ns, SlotReport s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("slot", s.slot().key());
        v.put("target", html(s.blueprint() + "/" + s.action()));
        v.put("status", status(s));
        v.put("summary", s.attempts().isEmpty() ? "" : plural(s.attemptCount(), "attempt") + " · "
                + ReportValues.human(s.duration()));
        String note = s.earlier() != null ? "not run again: " + s.earlier() : s.ranEarlier()
                ? "ran in an earlier invocation of this run" + (s.error() != null ? ": " + s.error() : "") : s.error();
        v.put("note", html(secrets.mask(note)));
        v.put("problem", s.status() == SlotStatus.FAILED || s.status() == SlotStatus.ABORTED
                || s.status() == SlotStatus.CONTINUED);
        String prefix = HookLogs.prefix(ns, s.slot());
        v.put("earlierLogs", !s.ranEarlier() ? List.of() : logFiles.stream().filter(f -> f.startsWith(prefix))
                .sorted().map(f -> Map.of("path", html(f), "name", html(f.substring(f.lastIndexOf('/') + 1))))
                .toList());
        List<Map<String, Object>> attempts = new ArrayList<>();
        for (int i = 0; i < s.attempts().size(); i++) {
            attempts.add(attemptView(ns, s, i + 1));
        }
        v.put("attempts", attempts);
        Map<String, String> artifacts = new LinkedHashMap<>();
        s.artifacts().forEach((name, a) -> {
            a.keyValue().forEach((k, value) -> artifacts.put(html(name + "." + k), html(secrets.maskEntry(k, value))));
            if (!a.kopiaSnapshot().isEmpty()) {
                artifacts.put(html(name + ".kopiaSnapshot"), html(secrets.mask(a.kopiaSnapshot())));
            }
        });
        v.put("artifacts", artifacts);
        return v;
    }

    private Map<String, Object> attemptView(String ns, SlotReport s, int n) {
        ActionResult a = s.attempts().get(n - 1);
        long runMs = 0;
        boolean podSeen = false;
        for (PhaseResult p : a.phases()) {
            if (p.podStarted() != null && p.finished() != null) {
                podSeen = true;
                runMs += Duration.between(p.podStarted(), p.finished()).toMillis();
            }
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("n", n);
        v.put("ok", a.succeeded());
        v.put("subject", html(a.subject().describe()));
        v.put("timing", ReportValues.human(a.duration()) + (podSeen ? " (start-up "
                + ReportValues.human(a.duration().minusMillis(runMs)) + ")" : "") + " · at +"
                + ReportValues.human(Duration.between(timeline.origin(), a.started())));
        // an error its failed phase shows already is not said twice
        boolean phaseSaysIt = a.phases().stream().anyMatch(p -> p.error() != null && p.error().equals(a.error()));
        v.put("error", a.succeeded() || phaseSaysIt ? "" : html(secrets.mask(a.error())));
        List<Map<String, Object>> phases = new ArrayList<>();
        for (PhaseResult p : a.phases()) {
            phases.add(phaseView(new HookLogs.Key(ns, s.slot(), n, p.name()), p));
        }
        v.put("phases", phases);
        return v;
    }

    private Map<String, Object> phaseView(HookLogs.Key key, PhaseResult p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", html(p.name() + (p.defer() ? " (defer)" : "")));
        v.put("function", html(p.function()));
        v.put("state", p.state().lower());
        v.put("duration", ReportValues.human(p.duration()));
        Map<String, String> output = new LinkedHashMap<>();
        ReportValues.maskedOutput(p.output(), secrets).forEach((k, val) -> output.put(html(k), html(val)));
        v.put("output", output);
        v.put("error", html(secrets.mask(p.error())));
        long total = report.logs().lines(key).size() + report.logs().dropped(key);
        List<String> tail = lastLines(report, key, p);
        v.put("lines", shown(tail, secrets));
        v.put("linesTitle", tail.isEmpty() ? "" : (tail.size() < total ? "Last " + tail.size() + " of "
                + plural(total, "line") : plural(tail.size(), "line")) + " of the log of phase " + html(p.name()));
        String path = report.logs().path(key);
        v.put("log", path == null ? "" : html(path));
        return v;
    }

    /** The last lines of a phase's log: from the log this process saw, else those its failure kept. */
    static List<String> lastLines(RunReport report, HookLogs.Key key, PhaseResult p) {
        List<String> all = report.logs().lines(key);
        return all.isEmpty() ? p.logTail() : all.subList(Math.max(0, all.size() - TAIL), all.size());
    }

    /** Lines as the page shows them: masked, escaped. */
    static List<String> shown(List<String> lines, SecretValues secrets) {
        return lines.stream().map(l -> html(secrets.mask(l))).toList();
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
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
