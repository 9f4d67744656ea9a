package io.kanisterhooks.hooks.report;

import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.hooks.state.SlotRecord;
import io.kanisterhooks.secrets.SecretValues;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Shared formatting of report values: masked outputs and artifacts, durations as people read them. */
final class ReportValues {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private ReportValues() {
    }

    static Map<String, String> maskedOutput(Map<String, Object> output, SecretValues secrets) {
        Map<String, String> masked = new TreeMap<>();
        if (output != null) {
            output.forEach((k, v) -> masked.put(k, secrets.maskEntry(k, String.valueOf(v))));
        }
        return masked;
    }

    static Map<String, Object> maskedArtifacts(Map<String, Artifact> artifacts, SecretValues secrets) {
        Map<String, Object> result = new TreeMap<>();
        artifacts.forEach((name, a) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, String> kv = new TreeMap<>();
            a.keyValue().forEach((k, v) -> kv.put(k, secrets.maskEntry(k, v)));
            m.put("keyValue", kv);
            if (!a.kopiaSnapshot().isEmpty()) {
                m.put("kopiaSnapshot", secrets.mask(a.kopiaSnapshot()));
            }
            result.put(name, m);
        });
        return result;
    }

    /**
     * How a slot that finished in an earlier invocation of the run is described:
     * {@code succeeded at 10:02:11 UTC in attempt 1 (invocation 1)}.
     */
    static String earlier(SlotRecord r) {
        String when = r.finished() == null ? "earlier" : "at " + CLOCK.format(Instant.parse(r.finished())) + " UTC";
        return r.status().name().toLowerCase(Locale.ROOT) + " " + when + (r.attempts() > 0 ? " in attempt "
                + r.attempts() : "") + " (invocation " + Math.max(1, r.invocation()) + " of this run)";
    }

    /** {@code 10:02:11 UTC}. */
    static String clock(Instant t) {
        return CLOCK.format(t) + " UTC";
    }

    /** {@code 1.234s}, {@code 2m3s}: short and exact enough for a console or a table. */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 60_000) {
            // no locale (null): digits as written everywhere, and no locale data for the JVM to load (≈ 20 ms of a
            // start where the default locale is not en_US, e.g. LANG=C.UTF-8)
            return String.format((Locale) null, "%.1fs", ms / 1000.0);
        }
        long s = ms / 1000;
        return s / 3600 > 0 ? String.format((Locale) null, "%dh%dm%ds", s / 3600, s / 60 % 60, s % 60)
                : String.format((Locale) null, "%dm%ds", s / 60, s % 60);
    }
}
