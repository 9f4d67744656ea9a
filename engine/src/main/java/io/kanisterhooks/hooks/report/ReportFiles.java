package io.kanisterhooks.hooks.report;

import io.kanisterhooks.secrets.SecretValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the three report files into {@code --report-dir}; a later invocation of the same run replaces them. */
public final class ReportFiles {

    public static final String JSON = "kanister-hooks-result.json";
    public static final String JUNIT = "kanister-hooks-junit.xml";
    public static final String HTML = "kanister-hooks-report.html";

    private ReportFiles() {
    }

    /** @return the files written */
    public static List<Path> write(Path dir, RunReport report, SecretValues secrets) throws IOException {
        Files.createDirectories(dir);
        Path json = Files.writeString(dir.resolve(JSON), JsonReport.render(report, secrets));
        Path junit = Files.writeString(dir.resolve(JUNIT), JUnitReport.render(report, secrets));
        Path html = Files.writeString(dir.resolve(HTML), HtmlReport.render(report, secrets));
        return List.of(json, junit, html);
    }
}
