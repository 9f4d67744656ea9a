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
import io.kanisterhooks.hooks.report.ReportCollector;
import io.kanisterhooks.hooks.report.ReportFiles;
import io.kanisterhooks.hooks.report.RunReport;
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
        PhaseResult dump = new PhaseResult("dump", "KubeTask", false, PhaseState.COMPLETE, t0, t0.plusSeconds(2),
                Map.of("version", "1.2", "dbPassword", "x", "note", "pw is hunter22"), null, List.of());
        PhaseResult broken = new PhaseResult("check", "KubeTask", false, PhaseState.FAILED, t0.plusSeconds(2),
                t0.plusSeconds(3), Map.of(), "Pod failed <exit 3>", List.of("connecting with hunter22", "boom"));
        ActionResult ok = new ActionResult("bp", "quiesce", Subject.namespace("a"), true, List.of(dump),
                Map.of("snap", new Artifact(Map.of("id", "s-1"), "")), null, t0, t0.plusSeconds(2));
        ActionResult failed = new ActionResult("bp", "unquiesce", Subject.namespace("a"), false, List.of(broken),
                Map.of(), "Pod failed <exit 3>", t0.plusSeconds(2), t0.plusSeconds(3));
        ReportCollector collector = new ReportCollector();
        collector.attemptFinished("a", HookSlot.PRE_HOOK, 1, ok);
        collector.attemptFinished("a", HookSlot.ON_SUCCESS, 1, failed);
        RunState state = TestRunStates.fresh("run-7", List.of("a"))
                .with("a", "preHook", new SlotRecord("bp", "quiesce", SlotStatus.SUCCEEDED, 1, null,
                        t0.toString(), t0.plusSeconds(2).toString(), Map.of("snap", new Artifact(Map.of("id", "s-1"), "")), 1))
                .with("a", "onSuccess", new SlotRecord("bp", "unquiesce", SlotStatus.FAILED, 1,
                        "Pod failed <exit 3>", t0.plusSeconds(2).toString(), t0.plusSeconds(3).toString(), Map.of(), 1))
                .with("a", "always", new SlotRecord("bp", "notify", SlotStatus.SKIPPED, 0, "not needed",
                        t0.plusSeconds(3).toString(), t0.plusSeconds(3).toString(), Map.of(), 1));
        return collector.report("hooks post --outcome success", false, t0, state);
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
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("onSuccess bp/unquiesce");
        assertThat(failure.getAttribute("message")).isEqualTo("Pod failed <exit 3>");
        assertThat(failure.getTextContent()).contains("failed phase: check (KubeTask)", "| boom")
                .doesNotContain("hunter22");
    }

    @Test
    void htmlIsEscapedAndMasked() throws Exception {
        ReportFiles.write(dir, report(), secrets);
        String html = Files.readString(dir.resolve(ReportFiles.HTML));
        assertThat(html).contains("<title>kanister-hooks run run-7: failure</title>", "Pod failed &lt;exit 3&gt;",
                "class=\"bar ok\"", "class=\"bar ko\"", "<code>dbPassword</code> = <code>********</code>",
                "<code>snap.id</code> = <code>s-1</code>", "<div class=\"skipped\">not needed</div>")
                .doesNotContain("hunter22", "<exit 3>");
        Matcher bar = Pattern.compile("style=\"left:([0-9.]+)%;width:([0-9.]+)%\"").matcher(html);
        int bars = 0;
        while (bar.find()) {
            bars++;
            assertThat(Double.parseDouble(bar.group(1)) + Double.parseDouble(bar.group(2))).as("bar %s", bar.group())
                    .isLessThanOrEqualTo(100.0);
        }
        assertThat(bars).isEqualTo(2);
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
        assertThat(lines.get(4)).startsWith("hooks FAILED in ").endsWith(" (run run-7)");
    }
}
