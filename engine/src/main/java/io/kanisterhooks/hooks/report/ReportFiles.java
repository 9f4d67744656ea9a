package io.kanisterhooks.hooks.report;

import io.kanisterhooks.secrets.SecretValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the reports into {@code --report-dir}: the JSON result, the JUnit XML and the HTML report with its stylesheet
 * and the hook logs it links ({@code logs/NAMESPACE/SLOT-ATTEMPT-PHASE.log}, secrets masked). A later invocation of
 * the same run replaces the reports and adds its logs to those of the earlier ones; logs of another run are removed.
 */
public final class ReportFiles {

    public static final String JSON = "kanister-hooks-result.json";
    public static final String JUNIT = "kanister-hooks-junit.xml";
    public static final String HTML = "kanister-hooks-report.html";
    public static final String CSS = "kanister-hooks-report.css";

    private static final String STYLESHEET = "/io/kanisterhooks/hooks/report/report.css";
    /** Which run the logs belong to. */
    private static final String RUN_MARKER = ".run";
    /** The log files this class writes; nothing else in a logs directory is ever removed. */
    private static final Pattern LOG_FILE = Pattern.compile("(preHook|onSuccess|onFailure|always)-\\d+-.+\\.log");

    private ReportFiles() {
    }

    /** Call when reports will be written later: what they need to load is loaded meanwhile, in the background. */
    public static void prepare() {
        HtmlReport.prepare();
    }

    /** @return the three report files written (the HTML report's stylesheet and logs are next to it) */
    public static List<Path> write(Path dir, RunReport report, SecretValues secrets) throws IOException {
        Files.createDirectories(dir);
        Path json = Files.writeString(dir.resolve(JSON), JsonReport.render(report, secrets));
        Path junit = Files.writeString(dir.resolve(JUNIT), JUnitReport.render(report, secrets));
        Set<String> logs = writeLogs(dir, report, secrets);
        try (InputStream css = ReportFiles.class.getResourceAsStream(STYLESHEET)) {
            Files.write(dir.resolve(CSS), css.readAllBytes());
        }
        Path html = Files.writeString(dir.resolve(HTML), HtmlReport.render(report, secrets, logs));
        return List.of(json, junit, html);
    }

    /** @return every log of the run now in the directory, relative to it */
    private static Set<String> writeLogs(Path dir, RunReport report, SecretValues secrets) throws IOException {
        Path logs = dir.resolve(HookLogs.DIRECTORY);
        Path marker = logs.resolve(RUN_MARKER);
        if (Files.isDirectory(logs) && !(Files.exists(marker) && Files.readString(marker).equals(report.runId()))) {
            removeLogs(logs);
        }
        HookLogs hookLogs = report.logs();
        for (HookLogs.Key key : hookLogs.keys()) {
            StringBuilder text = new StringBuilder();
            long dropped = hookLogs.dropped(key);
            if (dropped > 0) {
                text.append("[kanister-hooks: the first ").append(dropped)
                        .append(" lines of this log were not kept]\n");
            }
            hookLogs.lines(key).forEach(line -> text.append(secrets.mask(line)).append('\n'));
            Path file = dir.resolve(hookLogs.path(key));
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        }
        Set<String> all = new TreeSet<>();
        if (Files.isDirectory(logs)) {
            Files.writeString(marker, report.runId());
            for (Path file : logFiles(logs)) {
                all.add(dir.relativize(file).toString().replace('\\', '/'));
            }
        }
        return all;
    }

    /** Removes the logs of another run (only files named as this class names them, then directories left empty). */
    private static void removeLogs(Path logs) throws IOException {
        for (Path file : logFiles(logs)) {
            Files.delete(file);
        }
        try (Stream<Path> dirs = Files.list(logs)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                try (Stream<Path> left = Files.list(d)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(d);
                    }
                }
            }
        }
    }

    private static List<Path> logFiles(Path logs) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(logs)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                try (Stream<Path> inside = Files.list(d)) {
                    inside.filter(f -> Files.isRegularFile(f) && LOG_FILE.matcher(f.getFileName().toString()).matches())
                            .forEach(files::add);
                }
            }
        }
        return files;
    }
}
