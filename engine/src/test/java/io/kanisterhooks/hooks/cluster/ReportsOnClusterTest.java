package io.kanisterhooks.hooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.hooks.report.ReportFiles;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The three report files of a real run (README, "How hooks behave") parse and tell the same story: a hook that failed in one of
 * two namespaces after three attempts, onFailure there only, and a Secret value that appears nowhere.
 */
@ExtendWith(LocalClusterExtension.class)
class ReportsOnClusterTest {

    private static final String SECRET = "s3cr3t-value-42";

    @TempDir
    Path dir;

    @Test
    void jsonJUnitAndHtmlSayWhatHappenedAndMaskSecrets(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("good", "bad");
            String good = ns.get(0);
            String bad = ns.get(1);
            k.coreV1().createNamespacedSecret(k.namespace(), new V1Secret().metadata(new V1ObjectMeta().name("creds"))
                    .stringData(Map.of("password", SECRET))).execute();
            Path secretive = t.file("secretive.yaml", secretiveBlueprint(k.namespace()));

            CliResult r = t.wrap(List.of("--blueprint", secretive.toString(), "--pre-hook", "hooks/quiesce",
                    "--on-success", "hooks/failIn", "--option", "failIn=" + bad, "--on-failure", "hooks/cleanup",
                    "--always", "secretive/login", "-n", good, "-n", bad), "true");

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.stderr()).doesNotContain(SECRET).contains("[" + good + "/always/login] using ********");
            checkJson(t.reports().resolve(ReportFiles.JSON), good, bad);
            checkJUnit(t.reports().resolve(ReportFiles.JUNIT), good, bad);
            checkHtml(t.reports().resolve(ReportFiles.HTML), good, bad);
        }
    }

    private static void checkJson(Path file, String good, String bad) throws Exception {
        assertThat(Files.readString(file)).doesNotContain(SECRET);
        ResultJson report = ResultJson.read(file);
        assertThat(report.outcome()).isEqualTo("failure");
        assertThat(report.root().get("command").getAsString()).isEqualTo("wrap -- true");
        assertThat(report.namespaces()).containsExactly(good, bad);
        assertThat(report.status(good, "preHook")).isEqualTo("succeeded");
        assertThat(report.artifact(good, "preHook", "marker", "tag")).as("not a sensitive key").isEqualTo("tok-" + good);
        assertThat(report.status(good, "onSuccess")).isEqualTo("succeeded");
        assertThat(report.has(good, "onFailure")).isFalse();
        assertThat(report.status(bad, "onSuccess")).isEqualTo("failed");
        assertThat(report.attempts(bad, "onSuccess")).isEqualTo(3);
        JsonArray attempts = report.slot(bad, "onSuccess").getAsJsonArray("attemptDetails");
        assertThat(attempts).hasSize(3);
        for (var a : attempts) {
            JsonObject phase = a.getAsJsonObject().getAsJsonArray("phases").get(0).getAsJsonObject();
            assertThat(phase.get("state").getAsString()).isEqualTo("failed");
            assertThat(phase.get("error").getAsString()).contains("exited with code 1");
        }
        assertThat(report.status(bad, "onFailure")).isEqualTo("succeeded");
        JsonObject login = report.slot(good, "always").getAsJsonArray("attemptDetails").get(0).getAsJsonObject()
                .getAsJsonArray("phases").get(0).getAsJsonObject();
        assertThat(login.getAsJsonObject("output").get("user").getAsString()).isEqualTo("********");
    }

    private static void checkJUnit(Path file, String good, String bad) throws Exception {
        String xml = Files.readString(file);
        assertThat(xml).doesNotContain(SECRET);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = doc.getDocumentElement();
        // the stage; good: preHook, onSuccess, always; bad: preHook, onSuccess, onFailure, always
        assertThat(suite.getAttribute("tests")).isEqualTo("8");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        NodeList cases = suite.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            names.add(c.getAttribute("classname") + " " + c.getAttribute("name"));
            NodeList failures = c.getElementsByTagName("failure");
            if (c.getAttribute("classname").equals(bad) && c.getAttribute("name").startsWith("onSuccess")) {
                assertThat(failures.getLength()).isEqualTo(1);
                Element failure = (Element) failures.item(0);
                assertThat(failure.getAttribute("message")).contains("exited with code 1");
                assertThat(failure.getTextContent()).contains("attempts: 3").contains("failed phase: failIn");
            } else {
                assertThat(failures.getLength()).as(names.get(names.size() - 1)).isZero();
            }
        }
        assertThat(names).containsExactly("stage true", good + " preHook hooks/quiesce",
                good + " onSuccess hooks/failIn",
                good + " always secretive/login", bad + " preHook hooks/quiesce", bad + " onSuccess hooks/failIn",
                bad + " onFailure hooks/cleanup", bad + " always secretive/login");
    }

    private static final Pattern SUMMARY_ROW = Pattern.compile("<tr><th scope=\"row\">([^<]+)</th>(.*)</tr>");
    private static final Pattern SUMMARY_CELL = Pattern.compile("<td>(?:<span class=\"status ([a-z]+)\">\\1</span> "
            + "<span class=\"meta\">([^<]*)</span>|<span class=\"meta\">&ndash;</span>)</td>");

    private static void checkHtml(Path file, String good, String bad) throws Exception {
        String html = Files.readString(file);
        assertThat(html).doesNotContain(SECRET);
        assertBalanced(html, "table", "tr", "td", "th", "div", "h2", "h3", "code", "ul", "li");
        List<String> rows = new ArrayList<>();
        Matcher m = SUMMARY_ROW.matcher(html);
        while (m.find()) {
            StringBuilder row = new StringBuilder(m.group(1));
            Matcher cell = SUMMARY_CELL.matcher(m.group(2));
            while (cell.find()) {
                row.append(" | ").append(cell.group(1) == null ? "-" : cell.group(1)
                        + (cell.group(2).endsWith("3 attempts") ? " (3 attempts)" : ""));
            }
            rows.add(row.toString());
        }
        assertThat(rows).containsExactly(good + " | succeeded | succeeded | - | succeeded",
                bad + " | succeeded | failed (3 attempts) | succeeded | succeeded");
        assertThat(html).contains("<span class=\"slot-name\">onSuccess</span><br><code>hooks/failIn</code>",
                "<h1><span class=\"outcome failure\">Failed</span>", "onSuccess</strong> <code>hooks/failIn</code> "
                        + "failed in namespace <code>" + bad + "</code> after 3 attempts");
    }

    /** Every opening tag of the given elements is closed, in order (the report is HTML, not XML). */
    private static void assertBalanced(String html, String... elements) {
        Pattern tag = Pattern.compile("<(/?)(" + String.join("|", elements) + ")\\b[^>]*>");
        Deque<String> open = new ArrayDeque<>();
        Matcher m = tag.matcher(html);
        while (m.find()) {
            if (m.group(1).isEmpty()) {
                open.push(m.group(2));
            } else {
                assertThat(open).as("closing </" + m.group(2) + "> at " + m.start()).isNotEmpty();
                assertThat(open.pop()).as("closing </" + m.group(2) + "> at " + m.start()).isEqualTo(m.group(2));
            }
        }
        assertThat(open).as("unclosed elements").isEmpty();
    }

    private static String secretiveBlueprint(String secretNamespace) {
        return """
                apiVersion: cr.kanister.io/v1alpha1
                kind: Blueprint
                metadata: {name: secretive}
                actions:
                  login:
                    phases:
                    - func: KubeTask
                      name: login
                      objects:
                        creds: {kind: Secret, name: creds, namespace: %s}
                      args:
                        image: busybox
                        command:
                        - sh
                        - -c
                        - |
                          echo using {{ .Phases.login.Secrets.creds.Data.password | toString }}
                          kando output user {{ .Phases.login.Secrets.creds.Data.password | toString }}
                """.formatted(secretNamespace);
    }
}
