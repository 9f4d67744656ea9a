package io.kanisterhooks.hooks.report;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.PhaseResult;
import io.kanisterhooks.action.PhaseState;
import io.kanisterhooks.hooks.HookRunListener;
import io.kanisterhooks.hooks.HookSlot;
import io.kanisterhooks.hooks.state.SlotRecord;
import io.kanisterhooks.hooks.state.SlotStatus;
import io.kanisterhooks.secrets.SecretValues;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The console view of a run: hook pod logs prefixed with {@code namespace/hook/phase}, one status line per namespace
 * and hook, and a summary table at the end. Secret values are masked; lines from parallel namespaces never interleave.
 */
public final class ConsoleReporter implements HookRunListener {

    private final PrintStream out;
    private final SecretValues secrets;

    public ConsoleReporter(PrintStream out, SecretValues secrets) {
        this.out = out;
        this.secrets = secrets;
    }

    @Override
    public void attemptStarted(String namespace, HookSlot slot, int attempt) {
        if (attempt > 1) {
            line("[" + namespace + "/" + slot + "] retrying (attempt " + attempt + ")");
        }
    }

    @Override
    public void log(String namespace, HookSlot slot, String phase, String text) {
        line("[" + namespace + "/" + slot + "/" + phase + "] " + secrets.mask(text));
    }

    @Override
    public void phaseFinished(String namespace, HookSlot slot, PhaseResult result) {
        if (result.state() == PhaseState.FAILED) {
            line("[" + namespace + "/" + slot + "/" + result.name() + "] phase failed: "
                    + secrets.mask(result.error()));
        }
    }

    @Override
    public void attemptFinished(String namespace, HookSlot slot, int attempt, ActionResult result) {
        if (!result.succeeded()) {
            line("[" + namespace + "/" + slot + "] attempt " + attempt + " failed after "
                    + ReportValues.human(result.duration()));
        }
    }

    @Override
    public void slotDoneEarlier(String namespace, HookSlot slot, SlotRecord r) {
        line("[SKIP] " + namespace + " " + slot + " " + r.blueprint() + "/" + r.action() + " skipped: "
                + ReportValues.earlier(r));
    }

    @Override
    public void slotFinished(String namespace, HookSlot slot, SlotRecord r) {
        String status = r.status() == SlotStatus.CONTINUED ? "failed (onError: Continue, the run goes on)"
                : r.status().name().toLowerCase(Locale.ROOT);
        String detail = switch (r.status()) {
            case SUCCEEDED -> " (attempt " + r.attempts() + ")";
            case SKIPPED -> ": " + r.error();
            case RUNNING -> "";
            case FAILED, ABORTED, CONTINUED -> " after " + r.attempts() + " attempt" + (r.attempts() == 1 ? "" : "s") + ": "
                    + secrets.mask(firstLine(r.error()));
        };
        line(marker(r) + " " + namespace + " " + slot + " " + r.blueprint() + "/" + r.action() + " " + status
                + detail);
    }

    private static String marker(SlotRecord r) {
        return switch (r.status()) {
            case SUCCEEDED -> "[ OK ]";
            case SKIPPED, RUNNING -> "[SKIP]";
            case FAILED -> "[FAIL]";
            case CONTINUED -> "[WARN]";
            case ABORTED -> "[ABRT]";
        };
    }

    /** The summary table: one row per namespace, one column per hook slot used in the run. */
    public void summary(RunReport report) {
        List<HookSlot> used = new ArrayList<>();
        report.namespaces().values().forEach(slots -> slots.forEach(s -> {
            if (!used.contains(s.slot())) {
                used.add(s.slot());
            }
        }));
        used.sort(null);
        int nsWidth = Math.max(9, report.namespaces().keySet().stream().mapToInt(String::length).max().orElse(0));
        StringBuilder header = new StringBuilder(pad("NAMESPACE", nsWidth));
        used.forEach(s -> header.append("  ").append(pad(s.key(), 20)));
        List<String> rows = new ArrayList<>();
        rows.add(header.toString().stripTrailing());
        report.namespaces().forEach((ns, slots) -> {
            StringBuilder row = new StringBuilder(pad(ns, nsWidth));
            for (HookSlot slot : used) {
                String cell = slots.stream().filter(s -> s.slot() == slot).findFirst()
                        .map(s -> s.status().name().toLowerCase(Locale.ROOT)
                                + (s.attempts().isEmpty() ? "" : " " + ReportValues.human(s.duration())))
                        .orElse("-");
                row.append("  ").append(pad(cell, 20));
            }
            rows.add(row.toString().stripTrailing());
        });
        synchronized (out) {
            out.println();
            rows.forEach(out::println);
            out.println(report.verdict() + " in " + ReportValues.human(report.duration()) + " (run "
                    + report.runId() + ")");
            out.flush();
        }
    }

    private void line(String s) {
        synchronized (out) {
            out.println(s);
            out.flush();
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
