package io.kanisterhooks.hooks.report;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.hooks.state.SlotStatus;
import io.kanisterhooks.secrets.SecretValues;
import java.util.List;
import java.util.Locale;

/**
 * JUnit XML for Jenkins' {@code junit} step: one test case per namespace × hook slot (class = namespace, name =
 * {@code slot blueprint/action}), failures for failed or aborted hooks, skips for hooks that did not have to run.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    public static String render(RunReport report, SecretValues secrets) {
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        StringBuilder cases = new StringBuilder();
        for (var entry : report.namespaces().entrySet()) {
            for (SlotReport s : entry.getValue()) {
                tests++;
                cases.append("  <testcase classname=\"").append(xml(entry.getKey())).append("\" name=\"")
                        .append(xml(s.slot().key() + " " + s.blueprint() + "/" + s.action())).append("\" time=\"")
                        .append(seconds(s.duration().toMillis())).append("\"");
                if (s.status() == SlotStatus.SUCCEEDED && s.earlier() == null) {
                    cases.append("/>\n");
                    continue;
                }
                cases.append(">\n");
                if (s.earlier() != null || s.status() == SlotStatus.SKIPPED) {
                    skipped++;
                    String why = s.earlier() != null ? "not run again: " + s.earlier() : s.error();
                    cases.append("    <skipped message=\"").append(xml(secrets.mask(why))).append("\"/>\n");
                } else {
                    failures++;
                    String message = secrets.mask(s.error() == null ? s.status().name() : s.error());
                    cases.append("    <failure type=\"").append(s.status().name().toLowerCase(Locale.ROOT))
                            .append("\" message=\"").append(xml(firstLine(message))).append("\">")
                            .append(xml(details(s, message, secrets))).append("</failure>\n");
                }
                cases.append("  </testcase>\n");
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite name=\"kanister-hooks\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\"" + seconds(report.duration().toMillis())
                + "\" timestamp=\"" + report.started() + "\">\n" + cases + "</testsuite>\n";
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

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** XML 1.0 text: markup escaped, characters XML cannot carry dropped. */
    static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                            || c >= 0x10000 && c <= 0x10FFFF) {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.toString();
    }
}
