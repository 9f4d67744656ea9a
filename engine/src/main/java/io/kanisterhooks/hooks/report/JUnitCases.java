package io.kanisterhooks.hooks.report;

import java.time.Duration;
import java.util.Locale;

/**
 * The test cases of one JUnit XML test suite, as Jenkins' {@code junit} step reads them, and their counts; the report
 * formats that write JUnit ({@link JUnitReport}, {@link PlanJUnitReport}) say which cases there are.
 */
final class JUnitCases {
    private final StringBuilder xml = new StringBuilder();
    private int tests;
    private int failures;
    private int skipped;

    void passed(String classname, String name, Duration time) {
        open(classname, name, time).append("/>\n");
    }

    void skipped(String classname, String name, Duration time, String why) {
        skipped++;
        open(classname, name, time).append(">\n    <skipped message=\"").append(xml(why))
                .append("\"/>\n  </testcase>\n");
    }

    void failed(String classname, String name, Duration time, String type, String message, String details) {
        failures++;
        open(classname, name, time).append(">\n    <failure type=\"").append(type).append("\" message=\"")
                .append(xml(message)).append("\">").append(xml(details)).append("</failure>\n  </testcase>\n");
    }

    int failures() {
        return failures;
    }

    /** The whole document: one test suite named {@code name} with the cases written so far. */
    String suite(String name, Duration time, String timestamp) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite name=\"" + xml(name) + "\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\"" + seconds(time.toMillis())
                + "\" timestamp=\"" + xml(timestamp) + "\">\n" + xml + "</testsuite>\n";
    }

    private StringBuilder open(String classname, String name, Duration time) {
        tests++;
        return xml.append("  <testcase classname=\"").append(xml(classname)).append("\" name=\"")
                .append(xml(name)).append("\" time=\"").append(seconds(time.toMillis())).append("\"");
    }

    private static String seconds(long millis) {
        return String.format((Locale) null, "%.3f", millis / 1000.0); // no locale: see ReportValues.human
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
