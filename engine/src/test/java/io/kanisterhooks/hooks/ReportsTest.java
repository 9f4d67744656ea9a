package io.kanisterhooks.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.PhaseResult;
import io.kanisterhooks.action.PhaseState;
import io.kanisterhooks.action.Subject;
import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.hooks.report.ConsoleReporter;
import io.kanisterhooks.hooks.report.HtmlReport;
import io.kanisterhooks.hooks.report.ReportCollector;
import io.kanisterhooks.hooks.report.ReportFiles;
import io.kanisterhooks.hooks.report.RunReport;
import io.kanisterhooks.hooks.report.StageAttempt;
import io.kanisterhooks.hooks.state.RunState;
import io.kanisterhooks.hooks.state.SlotRecord;
import io.kanisterhooks.hooks.state.SlotStatus;
import io.kanisterhooks.secrets.SecretValues;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportsTest {

    @TempDir
    Path dir;

    private final SecretValues secrets = new SecretValues();

    private RunReport report() {
        secrets.add("hunter22");
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        PhaseResult dump = new PhaseResult("dump", "KubeTask", false, PhaseState.COMPLETE, t0, t0.plusMillis(1500),
                t0.plusSeconds(2),
                Map.of("version", "1.2", "dbPassword", "x", "note", "pw is hunter22"), null, List.of());
        PhaseResult broken = new PhaseResult("check", "KubeTask", false, PhaseState.FAILED, t0.plusSeconds(2),
                null, t0.plusSeconds(3), Map.of(), "Pod failed <exit 3>", List.of("connecting with hunter22", "boom"));
        ActionResult ok = new ActionResult("bp", "quiesce", Subject.namespace("a"), true, List.of(dump),
                Map.of("snap", new Artifact(Map.of("id", "s-1"), "")), null, t0, t0.plusSeconds(2));
        ActionResult failed = new ActionResult("bp", "unquiesce", Subject.namespace("a"), false, List.of(broken),
                Map.of(), "Pod failed <exit 3>", t0.plusSeconds(2), t0.plusSeconds(3));
        ReportCollector collector = new ReportCollector();
        collector.stage(List.of("sh", "-c", "echo STAGE RAN; touch stage-ran"));
        collector.attemptStarted("a", HookSlot.PRE_HOOK, 1);
        collector.log("a", HookSlot.PRE_HOOK, "dump", "dumping with hunter22");
        collector.log("a", HookSlot.PRE_HOOK, "dump", "<done>");
        collector.attemptFinished("a", HookSlot.PRE_HOOK, 1, ok);
        collector.stageAttempt(new StageAttempt(t0.plusMillis(2100), t0.plusMillis(2200), 0, null,
                List.of("STAGE RAN"), null));
        collector.attemptStarted("a", HookSlot.ON_SUCCESS, 1);
        collector.log("a", HookSlot.ON_SUCCESS, "check", "connecting with hunter22");
        collector.log("a", HookSlot.ON_SUCCESS, "check", "boom");
        collector.attemptFinished("a", HookSlot.ON_SUCCESS, 1, failed);
        RunState state = TestRunStates.fresh("run-7", List.of("a"))
                .with("a", "preHook", new SlotRecord("bp", "quiesce", SlotStatus.SUCCEEDED, 1, null,
                        t0.toString(), t0.plusSeconds(2).toString(), Map.of("snap", new Artifact(Map.of("id", "s-1"), "")), 1))
                .with("a", "onSuccess", new SlotRecord("bp", "unquiesce", SlotStatus.FAILED, 1,
                        "Pod failed <exit 3>", t0.plusSeconds(2).toString(), t0.plusSeconds(3).toString(), Map.of(), 1))
                .with("a", "always", new SlotRecord("bp", "notify", SlotStatus.SKIPPED, 0, "not needed",
                        t0.plusSeconds(3).toString(), t0.plusSeconds(3).toString(), Map.of(), 1));
        RunReport r = collector.report("wrap -- sh -c 'echo STAGE RAN; touch stage-ran'", false, t0, state);
        // finished three seconds in, whenever the test runs
        return new RunReport(r.runId(), r.command(), r.succeeded(), r.started(), t0.plusSeconds(3), r.namespaces(),
                r.stage(), r.logs());
    }

    @Test
    void jsonResultHasEveryHookWithMaskedOutputs() throws Exception {
        ReportFiles.write(dir, report(), secrets);
        JsonObject root = JsonParser.parseString(Files.readString(dir.resolve(ReportFiles.JSON))).getAsJsonObject();
        assertThat(root.get("outcome").getAsString()).isEqualTo("failure");
        JsonObject pre = root.getAsJsonObject("namespaces").getAsJsonObject("a").getAsJsonObject("preHook");
        assertThat(pre.get("status").getAsString()).isEqualTo("succeeded");
        JsonObject output = pre.getAsJsonArray("attemptDetails").get(0).getAsJsonObject().getAsJsonArray("phases")
                .get(0).getAsJsonObject().getAsJsonObject("output");
        assertThat(output.get("version").getAsString()).isEqualTo("1.2");
        assertThat(output.get("dbPassword").getAsString()).isEqualTo(SecretValues.MASK);
        assertThat(output.get("note").getAsString()).isEqualTo("pw is " + SecretValues.MASK);
        assertThat(Files.readString(dir.resolve(ReportFiles.JSON))).doesNotContain("hunter22");
    }

    @Test
    void junitHasOneCasePerNamespaceAndHook() throws Exception {
        ReportFiles.write(dir, report(), secrets);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve(ReportFiles.JUNIT).toFile());
        Element suite = doc.getDocumentElement();
        assertThat(suite.getAttribute("tests")).as("the stage and 3 hooks").isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("onSuccess bp/unquiesce");
        assertThat(failure.getAttribute("message")).isEqualTo("Pod failed <exit 3>");
        assertThat(failure.getTextContent()).contains("failed phase: check (KubeTask)", "| boom")
                .doesNotContain("hunter22");
    }

    @Test
    void htmlIsEscapedMaskedAndStyledOnlyByItsStylesheet() throws Exception {
        ReportFiles.write(dir, report(), secrets);
        String html = Files.readString(dir.resolve(ReportFiles.HTML));
        assertThat(html).contains("<title>kanister-hooks run run-7: failure</title>",
                        "<link rel=\"stylesheet\" href=\"kanister-hooks-report.css\">", "Pod failed &lt;exit 3&gt;",
                        "<code>dbPassword</code> = <code>********</code>", "<code>snap.id</code> = <code>s-1</code>",
                        "<p class=\"note\">not needed</p>", "connecting with ********",
                        "<a href=\"logs/a/onSuccess-1-check.log\">full log</a>", "&lt;done&gt;",
                        "<code>sh -c &#39;echo STAGE RAN; touch stage-ran&#39;</code>")
                .doesNotContain("hunter22", "<exit 3>", "<style", "style=", "<script");
        assertThat(html.indexOf("Why this run failed")).as("the reason first").isPositive()
                .isLessThan(html.indexOf("<table class=\"summary\">"));
        assertThat(Files.readString(dir.resolve(ReportFiles.CSS))).contains("svg.timeline .run.ok");
    }

    @Test
    void timelineBarsAreSvgRectsInsideTheChartWithAStartUpPart() throws Exception {
        String html = HtmlReport.render(report(), secrets);
        Matcher rect = Pattern.compile("<rect class=\"((?!band)[a-z ]+)\" x=\"([0-9.]+)\" y=\"[0-9]+\" "
                + "width=\"([0-9.]+)\"").matcher(html);
        List<String> bars = new ArrayList<>();
        while (rect.find()) {
            double x = Double.parseDouble(rect.group(2));
            double width = Double.parseDouble(rect.group(3));
            assertThat(x).as(rect.group()).isGreaterThanOrEqualTo(112);
            assertThat(x + width).as(rect.group()).isLessThanOrEqualTo(1000 - 28 + 0.1);
            bars.add(rect.group(1) + " " + Math.round(width));
        }
        // 3 s on 860 px: preHook 0-2 s (pod running from 1.5 s), the stage, onSuccess 2-3 s (its pod never ran)
        assertThat(bars).containsExactly("stage ok 29", "startup ok 573", "run ok 143", "startup ko 287");
        assertThat(html).contains("<title>preHook bp/quiesce in a, attempt 1: succeeded in 2.0s (start-up 1.5s, run "
                + "0.5s) · at +0.0s</title>", ">0s</text>", ">3s</text>");
    }

    @Test
    void logsAreFilesNextToTheReportMaskedAndOnlyThoseOfTheRun() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("logs/a")).resolve("notes.txt");
        Files.writeString(mine, "not a log of ours");
        Files.writeString(dir.resolve("logs/a/always-1-old.log"), "an older run's log");
        Files.writeString(dir.resolve("logs/.run"), "run-6");

        secrets.add("boom");
        ReportFiles.write(dir, report(), secrets);

        assertThat(dir.resolve("logs/a/preHook-1-dump.log")).hasContent("dumping with ********\n<done>");
        assertThat(dir.resolve("logs/a/onSuccess-1-check.log")).hasContent("connecting with ********\n********");
        assertThat(dir.resolve("logs/a/always-1-old.log")).as("another run's log").doesNotExist();
        assertThat(mine).as("not ours").hasContent("not a log of ours");

        // a later invocation of the same run keeps them and links them for the hooks it did not run again
        SlotRecord preHook = new SlotRecord("bp", "quiesce", SlotStatus.SUCCEEDED, 1, null, "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:02Z", Map.of(), 1);
        ReportCollector post = new ReportCollector();
        post.slotDoneEarlier("a", HookSlot.PRE_HOOK, preHook);
        RunReport later = post.report("hooks post", true, Instant.parse("2026-01-01T00:01:00Z"),
                TestRunStates.fresh("run-7", List.of("a")).with("a", "preHook", preHook));
        ReportFiles.write(dir, later, secrets);
        assertThat(dir.resolve("logs/a/preHook-1-dump.log")).exists();
        assertThat(Files.readString(dir.resolve(ReportFiles.HTML)))
                .contains("<a href=\"logs/a/preHook-1-dump.log\">preHook-1-dump.log</a>");
    }

    @Test
    void jsonAndJunitHaveTheStage() throws Exception {
        ReportFiles.write(dir, report(), secrets);
        JsonObject stage = JsonParser.parseString(Files.readString(dir.resolve(ReportFiles.JSON))).getAsJsonObject()
                .getAsJsonObject("stage");
        assertThat(stage.get("ran").getAsString()).isEqualTo("wrap");
        assertThat(stage.get("command").getAsString()).isEqualTo("sh -c 'echo STAGE RAN; touch stage-ran'");
        assertThat(stage.get("exitCode").getAsInt()).isZero();
        assertThat(stage.get("attempts").getAsInt()).isEqualTo(1);
        assertThat(stage.get("durationMs").getAsLong()).isEqualTo(100);
        assertThat(stage.getAsJsonArray("lastLines").get(0).getAsString()).isEqualTo("STAGE RAN");
        JsonObject phase = JsonParser.parseString(Files.readString(dir.resolve(ReportFiles.JSON))).getAsJsonObject()
                .getAsJsonObject("namespaces").getAsJsonObject("a").getAsJsonObject("preHook")
                .getAsJsonArray("attemptDetails").get(0).getAsJsonObject().getAsJsonArray("phases").get(0)
                .getAsJsonObject();
        assertThat(phase.get("podStarted").getAsString()).isEqualTo("2026-01-01T00:00:01.500Z");
        assertThat(phase.get("log").getAsString()).isEqualTo("logs/a/preHook-1-dump.log");

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve(ReportFiles.JUNIT).toFile());
        Element first = (Element) doc.getElementsByTagName("testcase").item(0);
        assertThat(first.getAttribute("classname")).isEqualTo("stage");
        assertThat(first.getAttribute("name")).isEqualTo("sh -c 'echo STAGE RAN; touch stage-ran'");
        assertThat(first.getAttribute("time")).isEqualTo("0.100");
        assertThat(first.getChildNodes().getLength()).as("passed").isZero();
    }

    @Test
    void aFailedStageIsAJunitFailureWithItsExitCodeAndLastLines() throws Exception {
        ReportCollector collector = new ReportCollector();
        collector.stage(List.of("./backup.sh"));
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        collector.stageAttempt(new StageAttempt(t0, t0.plusSeconds(1), 3, null, List.of("first try"), null));
        collector.stageAttempt(new StageAttempt(t0.plusSeconds(2), t0.plusSeconds(3), 3, null,
                List.of("pg_dump: password hunter22 rejected"), null));
        secrets.add("hunter22");
        RunReport report = collector.report("wrap -- ./backup.sh", false, t0, TestRunStates.fresh("run-8",
                List.of("a")));

        ReportFiles.write(dir, report, secrets);

        String junit = Files.readString(dir.resolve(ReportFiles.JUNIT));
        assertThat(junit).contains("tests=\"1\" failures=\"1\"",
                "<testcase classname=\"stage\" name=\"./backup.sh\" time=\"3.000\">",
                "<failure type=\"exit\" message=\"exit code 3 after 2 attempts\">exit code 3 after 2 attempts\n"
                        + "attempts: 2\n  | pg_dump: password ******** rejected</failure>");
        String html = Files.readString(dir.resolve(ReportFiles.HTML));
        assertThat(html).contains("failed with exit code <strong>3</strong> after 2 attempts",
                "pg_dump: password ******** rejected").doesNotContain("hunter22");
    }

    @Test
    void aStageThatDidNotRunBecauseAPreHookFailedIsSkipped() throws Exception {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        PhaseResult refused = new PhaseResult("quiesce", "KubeTask", false, PhaseState.FAILED, t0, t0.plusSeconds(1),
                t0.plusSeconds(2), Map.of(), "Pod failed: exit 1", List.of("FLUSH TABLES: access denied"));
        ReportCollector collector = new ReportCollector();
        collector.stage(List.of("./backup.sh"));
        collector.attemptStarted("a", HookSlot.PRE_HOOK, 1);
        collector.attemptFinished("a", HookSlot.PRE_HOOK, 1, new ActionResult("bp", "quiesce",
                Subject.namespace("a"), false, List.of(refused), Map.of(), "Pod failed: exit 1", t0,
                t0.plusSeconds(2)));
        RunState state = TestRunStates.fresh("run-9", List.of("a")).with("a", "preHook", new SlotRecord("bp",
                "quiesce", SlotStatus.FAILED, 1, "Pod failed: exit 1", t0.toString(), t0.plusSeconds(2).toString(),
                Map.of(), 1));

        ReportFiles.write(dir, collector.report("wrap -- ./backup.sh", false, t0, state), secrets);

        assertThat(Files.readString(dir.resolve(ReportFiles.JUNIT))).contains("<testcase classname=\"stage\" "
                + "name=\"./backup.sh\" time=\"0.000\">\n    <skipped message=\"not run: a preHook failed\"/>");
        assertThat(Files.readString(dir.resolve(ReportFiles.HTML))).contains("<strong>preHook</strong> <code>"
                + "bp/quiesce</code> failed in namespace <code>a</code> after 1 attempt", "FLUSH TABLES: access denied",
                "class=\"skip-label\"", ">not run: a preHook failed</text>");
    }

    @Test
    void aStageTheCallerRanIsTheIntervalBetweenHooksPreAndPost() throws Exception {
        ReportCollector collector = new ReportCollector();
        collector.stageOutside("2026-01-01T00:00:02Z", Instant.parse("2026-01-01T00:00:05Z"), true);
        RunReport report = collector.report("hooks post --outcome success", true,
                Instant.parse("2026-01-01T00:00:05Z"), TestRunStates.fresh("run-10", List.of("a")));

        ReportFiles.write(dir, report, secrets);

        JsonObject stage = JsonParser.parseString(Files.readString(dir.resolve(ReportFiles.JSON))).getAsJsonObject()
                .getAsJsonObject("stage");
        assertThat(stage.get("ran").getAsString()).isEqualTo("outside");
        assertThat(stage.get("succeeded").getAsBoolean()).isTrue();
        assertThat(stage.get("notBefore").getAsString()).isEqualTo("2026-01-01T00:00:02Z");
        assertThat(stage.get("notAfter").getAsString()).isEqualTo("2026-01-01T00:00:05Z");
        assertThat(Files.readString(dir.resolve(ReportFiles.JUNIT))).doesNotContain("classname=\"stage\"");
        assertThat(Files.readString(dir.resolve(ReportFiles.HTML))).contains("<rect class=\"outside\" x=\"112.0\"",
                ">stage (outside this process)</text>", "between 00:00:02 UTC (the preHooks ended) and 00:00:05 UTC");
    }

    @Test
    void consoleSummaryTable() {
        RunReport report = report();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleReporter console = new ConsoleReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), secrets);
        console.log("a", HookSlot.PRE_HOOK, "dump", "password=hunter22");
        console.summary(report);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.subList(0, 4)).containsExactly(
                "[a/preHook/dump] password=********",
                "",
                "NAMESPACE  preHook               onSuccess             always",
                "a          succeeded 2.0s        failed 1.0s           skipped");
        assertThat(lines.get(4)).startsWith("hooks FAILED (1 hook) in ").endsWith(" (run run-7)");
    }

    @Test
    void aFailedStageAloneIsNotCalledAHookFailure() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        ReportCollector collector = new ReportCollector();
        collector.stage(List.of("./backup.sh"));
        collector.stageAttempt(new StageAttempt(t0, t0.plusSeconds(1), 3, null, List.of(), null));
        RunState state = TestRunStates.fresh("run-11", List.of("a")).with("a", "onFailure", new SlotRecord("bp",
                "cleanup", SlotStatus.SUCCEEDED, 1, null, t0.toString(), t0.plusSeconds(2).toString(), Map.of(), 1));

        RunReport report = collector.report("wrap -- ./backup.sh", false, t0, state);

        assertThat(report.verdict()).isEqualTo("the stage failed; hooks succeeded");
    }

    @Test
    void aContinuedFailureIsReportedAsSuchInEveryFormat() throws Exception {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        RunState state = TestRunStates.fresh("run-12", List.of("a")).with("a", "always", new SlotRecord("bp",
                "notify", SlotStatus.CONTINUED, 1, "Pod failed: webhook unreachable", t0.toString(),
                t0.plusSeconds(1).toString(), Map.of(), 1));
        RunReport report = new ReportCollector().report("hooks post --outcome success", true, t0, state);

        ReportFiles.write(dir, report, secrets);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleReporter console = new ConsoleReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), secrets);
        console.slotFinished("a", HookSlot.ALWAYS, state.record("a", "always").orElseThrow());
        console.summary(report);

        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("[WARN] a always bp/notify failed (onError: "
                + "Continue, the run goes on) after 1 attempt: Pod failed: webhook unreachable",
                "hooks succeeded, 1 failed hook continued (onError: Continue) in ");
        JsonObject root = JsonParser.parseString(Files.readString(dir.resolve(ReportFiles.JSON))).getAsJsonObject();
        assertThat(root.get("outcome").getAsString()).isEqualTo("success");
        assertThat(root.getAsJsonArray("continuedFailures").get(0).getAsJsonObject().get("hook").getAsString())
                .isEqualTo("always");
        assertThat(Files.readString(dir.resolve(ReportFiles.JUNIT))).contains("<failure type=\"continued\" "
                + "message=\"failed, continued (onError: Continue): Pod failed: webhook unreachable\"");
        assertThat(Files.readString(dir.resolve(ReportFiles.HTML))).contains("class=\"banner continued\"",
                "1 hook failed with onError: Continue, and the run went on",
                "<strong>always</strong> <code>bp/notify</code> failed (onError: Continue) in namespace <code>a</code>");
    }
}
