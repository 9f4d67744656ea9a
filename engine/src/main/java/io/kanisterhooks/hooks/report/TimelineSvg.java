package io.kanisterhooks.hooks.report;

import static io.kanisterhooks.hooks.report.HtmlReport.html;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.PhaseResult;
import io.kanisterhooks.functions.KubeTask;
import io.kanisterhooks.functions.MultiContainerRun;
import io.kanisterhooks.functions.PrepareData;
import io.kanisterhooks.hooks.HookSlot;
import io.kanisterhooks.hooks.state.SlotStatus;
import io.kanisterhooks.secrets.SecretValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The run's timeline as inline SVG, for a page that allows no inline style: positions and sizes are attributes,
 * colours come from the stylesheet's classes. A time axis from the run's start; a row for the stage (each attempt with
 * its exit code, or the interval in which the caller ran it) and, per namespace, a row per hook; each hook attempt is
 * a bar whose light part is start-up (setting up, and the job pod's start until it ran) and dark part the run. Labels
 * go inside a bar when they fit, else beside it, else they are left out; every bar has its full description as a
 * tooltip.
 */
final class TimelineSvg {

    static final int WIDTH = 1000;
    private static final int LEFT = 112;
    private static final int RIGHT = 28;
    private static final int AXIS = 30;
    private static final int ROW = 24;
    private static final int NAMESPACE_ROW = 22;
    private static final int BAR = 14;
    /** Estimated width of a label character at the labels' 11px font, generous so that a label never overflows. */
    private static final double CHAR = 6.7;
    /** Phases whose whole time is pod start-up when their pod never ran. */
    private static final Set<String> POD_FUNCTIONS = Set.of(KubeTask.NAME, MultiContainerRun.NAME, PrepareData.NAME);
    private static final long[] STEPS_MS = {100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000,
        120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000};

    /** A part of a bar. */
    private record Segment(Instant from, Instant to, String css) {
    }

    /**
     * A bar: its parts, a label (and a shorter one for narrow places) and its tooltip. A label goes inside a solid bar
     * when it fits, and beside a bar of two shades, where it would be hard to read on one of them.
     */
    private record Bar(Instant from, Instant to, List<Segment> segments, String label, String shortLabel,
                       String title, Label inside) {
    }

    /** Whether a label may go inside its bar, and in which colour. */
    private enum Label { NO, LIGHT_TEXT, DARK_TEXT }

    /** A row: a namespace heading, or a labelled row of bars with an optional note (why nothing ran). */
    private record Row(String label, boolean heading, List<Bar> bars, String note, Instant noteAt) {
    }

    private final RunReport report;
    private final SecretValues secrets;
    private final List<Row> rows = new ArrayList<>();
    private final Set<String> used = new HashSet<>();
    private Instant origin;
    private Instant end;

    TimelineSvg(RunReport report, SecretValues secrets) {
        this.report = report;
        this.secrets = secrets;
        this.origin = report.started();
        this.end = report.finished();
        rows();
    }

    /** Whether a bar has the class {@code css} (so that the legend explains only what is shown). */
    boolean uses(String css) {
        return used.contains(css);
    }

    /** The instant the axis starts at: the run's start, or earlier when it shows earlier invocations. */
    Instant origin() {
        return origin;
    }

    private void rows() {
        stageRow();
        report.namespaces().forEach((ns, slots) -> {
            rows.add(new Row(ns, true, List.of(), null, null));
            for (SlotReport s : slots) {
                slotRow(ns, s);
            }
        });
        for (Row r : rows) {
            r.bars().forEach(b -> widen(b.from(), b.to()));
            r.bars().forEach(b -> b.segments().forEach(s -> used.addAll(List.of(s.css().split(" ")))));
            if (r.noteAt() != null) {
                widen(r.noteAt(), r.noteAt());
            }
        }
    }

    private void widen(Instant from, Instant to) {
        origin = from.isBefore(origin) ? from : origin;
        end = to.isAfter(end) ? to : end;
    }

    private void stageRow() {
        if (report.stage() instanceof StageReport.Wrapped w) {
            List<Bar> bars = new ArrayList<>();
            int n = 0;
            for (StageAttempt a : w.attempts()) {
                n++;
                String css = "stage " + (a.abortedBy() != null ? "aborted" : a.exitCode() == 0 ? "ok" : "ko");
                String prefix = w.attempts().size() > 1 ? "#" + n + " " : "";
                String title = "stage " + w.shown() + ", attempt " + n + ": " + (a.abortedBy() != null
                        ? "stopped (" + a.abortedBy() + "), " : "") + "exit code " + a.exitCode() + " after "
                        + ReportValues.human(a.duration()) + (a.problem() != null ? " — " + a.problem() : "");
                bars.add(new Bar(a.started(), a.finished(), List.of(new Segment(a.started(), a.finished(), css)),
                        prefix + "exit " + a.exitCode() + " · " + ReportValues.human(a.duration()),
                        prefix + "exit " + a.exitCode(), secrets.mask(title), Label.LIGHT_TEXT));
            }
            Instant preEnd = lastPreHookEnd();
            rows.add(new Row("stage", false, bars, bars.isEmpty() ? "not run" + (report.abortedBy() != null
                    ? ": " + report.abortedBy() : ": a preHook failed") : null, bars.isEmpty() ? preEnd : null));
        } else if (report.stage() instanceof StageReport.Outside o) {
            String outcome = "reported as " + (o.succeeded() ? "a success" : "a failure");
            if (o.from() != null && o.from().isBefore(o.to())) {
                String title = "The stage ran outside this process, somewhere between the end of the preHooks ("
                        + ReportValues.clock(o.from()) + ") and the start of hooks post (" + ReportValues.clock(o.to())
                        + "); " + outcome + " by the caller";
                rows.add(new Row("stage", false, List.of(new Bar(o.from(), o.to(),
                        List.of(new Segment(o.from(), o.to(), "outside")), "stage (outside this process)",
                        "stage", title, Label.DARK_TEXT)), null, null));
            } else {
                rows.add(new Row("stage", false, List.of(), "ran outside this process; " + outcome, o.to()));
            }
        }
    }

    /** Where a stage that did not run is said so: after the last preHook attempt. */
    private Instant lastPreHookEnd() {
        Instant last = report.started();
        for (List<SlotReport> slots : report.namespaces().values()) {
            for (SlotReport s : slots) {
                if (s.slot() == HookSlot.PRE_HOOK) {
                    for (ActionResult a : s.attempts()) {
                        last = a.finished().isAfter(last) ? a.finished() : last;
                    }
                }
            }
        }
        return last;
    }

    private void slotRow(String ns, SlotReport s) {
        List<Bar> bars = new ArrayList<>();
        int n = 0;
        for (ActionResult a : s.attempts()) {
            n++;
            String state = a.succeeded() ? "ok" : s.status() == SlotStatus.ABORTED && n == s.attempts().size()
                    ? "aborted" : "ko";
            bars.add(attemptBar(ns, s, n, a, state));
        }
        String note = null;
        Instant noteAt = null;
        if (s.ranEarlier() && s.started() != null && s.finished() != null) {
            String css = "earlier" + (s.status() == SlotStatus.SUCCEEDED ? "" : " ko");
            String how = s.earlier() != null ? s.earlier() : s.status().name().toLowerCase(Locale.ROOT)
                    + " in an earlier invocation of this run";
            bars.add(new Bar(s.started(), s.finished(), List.of(new Segment(s.started(), s.finished(), css)),
                    "earlier invocation · " + ReportValues.human(s.duration()), "earlier",
                    secrets.mask(s.slot().key() + " " + s.blueprint() + "/" + s.action() + " in " + ns + ": " + how),
                    Label.DARK_TEXT));
        } else if (bars.isEmpty()) {
            note = s.status().name().toLowerCase(Locale.ROOT) + (s.error() != null ? ": " + s.error() : "");
            noteAt = s.started() != null ? s.started() : report.started();
        }
        rows.add(new Row(s.slot().key(), false, bars, note == null ? null : secrets.mask(note), noteAt));
    }

    private Bar attemptBar(String ns, SlotReport s, int n, ActionResult a, String state) {
        List<Segment> segments = new ArrayList<>();
        segments.add(new Segment(a.started(), a.finished(), "startup " + state));
        long runMs = 0;
        for (PhaseResult p : a.phases()) {
            if (p.started() == null || p.finished() == null) {
                continue;
            }
            Instant runFrom = p.podStarted() != null ? p.podStarted()
                    : POD_FUNCTIONS.contains(p.function()) ? null : p.started();
            if (runFrom != null) {
                segments.add(new Segment(runFrom, p.finished(), "run " + state));
                runMs += Duration.between(runFrom, p.finished()).toMillis();
            }
        }
        String prefix = s.attempts().size() > 1 ? "#" + n + " " : "";
        String outcome = a.succeeded() ? "succeeded" : state.equals("aborted") ? "aborted" : "failed";
        long startupMs = Math.max(0, a.duration().toMillis() - runMs);
        String title = s.slot().key() + " " + s.blueprint() + "/" + s.action() + " in " + ns + ", attempt " + n + ": "
                + outcome + " in " + ReportValues.human(a.duration()) + " (start-up "
                + ReportValues.human(Duration.ofMillis(startupMs)) + ", run "
                + ReportValues.human(Duration.ofMillis(runMs)) + ")";
        return new Bar(a.started(), a.finished(), segments,
                prefix + (a.succeeded() ? "" : outcome + " ") + ReportValues.human(a.duration()),
                prefix.strip(), secrets.mask(title), Label.NO);
    }

    String svg() {
        int height = AXIS + 6;
        for (Row r : rows) {
            height += r.heading() ? NAMESPACE_ROW : ROW;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"Timeline of the run\">\n");
        axis(sb, height);
        int y = AXIS;
        for (Row r : rows) {
            if (r.heading()) {
                sb.append("<rect class=\"band\" x=\"0\" y=\"").append(y).append("\" width=\"").append(WIDTH)
                        .append("\" height=\"").append(NAMESPACE_ROW).append("\"/>\n");
                text(sb, "ns-label", 6, y + 15, "start", fit(r.label(), (WIDTH - 12) / CHAR * 0.9));
                y += NAMESPACE_ROW;
                continue;
            }
            text(sb, "row-label", 18, y + ROW / 2 + 4, "start", r.label());
            row(sb, r, y);
            y += ROW;
        }
        return sb.append("</svg>").toString();
    }

    private void axis(StringBuilder sb, int height) {
        long span = spanMs();
        long step = STEPS_MS[STEPS_MS.length - 1];
        for (long s : STEPS_MS) {
            if (span / s <= 10) {
                step = s;
                break;
            }
        }
        for (long t = 0; t <= span; t += step) {
            double x = x(t);
            sb.append("<line class=\"grid-line\" x1=\"").append(num(x)).append("\" y1=\"").append(AXIS - 6)
                    .append("\" x2=\"").append(num(x)).append("\" y2=\"").append(height - 2).append("\"/>\n");
            text(sb, "tick-label", x, 16, "middle", tick(t, step, span));
        }
        sb.append("<line class=\"axis-line\" x1=\"").append(LEFT).append("\" y1=\"").append(AXIS - 6)
                .append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(AXIS - 6).append("\"/>\n");
    }

    private static String tick(long t, long step, long span) {
        if (step < 1000) {
            return (t % 1000 == 0 ? String.valueOf(t / 1000) : String.format((Locale) null, "%.1f", t / 1000.0)) + "s";
        }
        long s = t / 1000;
        if (span < 120_000) {
            return s + "s";
        }
        return s >= 3600 ? String.format((Locale) null, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format((Locale) null, "%d:%02d", s / 60, s % 60);
    }

    private void row(StringBuilder sb, Row r, int y) {
        int barY = y + (ROW - BAR) / 2;
        int textY = y + ROW / 2 + 4;
        double taken = LEFT;
        List<Bar> bars = r.bars();
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double from = x(b.from());
            double width = Math.max(2, x(b.to()) - from);
            double next = i + 1 < bars.size() ? x(bars.get(i + 1).from()) : WIDTH - 4;
            String at = " · at +" + ReportValues.human(Duration.between(origin, b.from()));
            sb.append("<g><title>").append(html(b.title() + at)).append("</title>");
            for (Segment s : b.segments()) {
                double sx = x(s.from());
                sb.append("<rect class=\"").append(s.css()).append("\" x=\"").append(num(sx)).append("\" y=\"")
                        .append(barY).append("\" width=\"").append(num(Math.max(s == b.segments().get(0) ? 2 : 1,
                                x(s.to()) - sx))).append("\" height=\"").append(BAR).append("\"/>");
            }
            taken = Math.max(taken, label(sb, b, from, width, taken, next, textY));
            sb.append("</g>\n");
        }
        if (r.note() != null) {
            double at = x(r.noteAt()) + 4;
            boolean right = at + r.note().length() * CHAR < WIDTH - 4;
            text(sb, "skip-label", right ? at : WIDTH - 4, textY, right ? "start" : "end", r.note());
        }
    }

    /** Places a bar's label where it fits; returns how far right the row is now taken. */
    private static double label(StringBuilder sb, Bar b, double from, double width, double taken, double next,
                                int textY) {
        for (String label : List.of(b.label(), b.shortLabel())) {
            double need = label.length() * CHAR + 8;
            if (label.isEmpty()) {
                continue;
            }
            if (b.inside() != Label.NO && width >= need) {
                text(sb, "bar-label inside" + (b.inside() == Label.DARK_TEXT ? " light" : ""), from + 4, textY,
                        "start", label);
                return from + width;
            }
            if (next - (from + width) >= need) {
                text(sb, "bar-label", from + width + 4, textY, "start", label);
                return from + width + need;
            }
            if (from - taken >= need) {
                text(sb, "bar-label", from - 4, textY, "end", label);
                return from + width;
            }
        }
        return from + width;
    }

    private static void text(StringBuilder sb, String css, double x, int y, String anchor, String text) {
        sb.append("<text class=\"").append(css).append("\" x=\"").append(num(x)).append("\" y=\"").append(y)
                .append('"').append(anchor.equals("start") ? "" : " text-anchor=\"" + anchor + "\"").append('>')
                .append(html(text)).append("</text>");
    }

    private static String fit(String s, double chars) {
        return s.length() <= chars ? s : s.substring(0, Math.max(1, (int) chars - 1)) + "…";
    }

    private long spanMs() {
        return Math.max(1, Duration.between(origin, end).toMillis());
    }

    private double x(Instant t) {
        return x(Duration.between(origin, t).toMillis());
    }

    private double x(long ms) {
        return LEFT + (WIDTH - LEFT - RIGHT) * Math.min(1.0, Math.max(0.0, (double) ms / spanMs()));
    }

    private static String num(double d) {
        return String.format((Locale) null, "%.1f", d); // no locale: see ReportValues.human
    }
}
