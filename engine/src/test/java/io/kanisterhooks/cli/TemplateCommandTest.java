package io.kanisterhooks.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine(args);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void jsonPathModePrintsTheResult() throws IOException {
        Path pod = file("pod.yaml", "status:\n  phase: Running\n  restarts: 3\n  started: 2024-03-05T07:08:09Z\n");
        int status = run("template", "render", "--mode", "jsonpath", "--object", pod.toString(),
                "{.status.phase} {.status.restarts} {.status.started}");
        assertThat(status).isZero();
        assertThat(out.toString()).isEqualTo("Running 3 2024-03-05T07:08:09Z");
    }

    @Test
    void jsonPathErrorExitsWithStatusTwoAndGosMessage() throws IOException {
        Path pod = file("pod.json", "{\"status\": {}}");
        int status = run("template", "render", "--mode", "jsonpath", "--object", pod.toString(), "{.status.phase}");
        assertThat(status).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("error executing jsonpath \"{.status.phase}\": Error executing template: "
                + "phase is not found.").doesNotContain("Exception");
    }

    @Test
    void renderModeUsesTemplateParamsFromYaml() throws IOException {
        Path params = file("tp.yaml", "Time: 2024-03-05T07:08:09.123456789Z\n"
                + "Options:\n  bucket: backups\n"
                + "Object:\n  spec:\n    replicas: 3\n"
                + "Secrets:\n  db:\n    metadata: {name: db-creds}\n    data: {user: cm9vdA==}\n");
        int status = run("template", "render", "--params", params.toString(),
                "{{ .Options.bucket }}/{{ toDate \"2006-01-02T15:04:05.999999999Z07:00\" .Time | date \"2006-01-02\" }}"
                        + " {{ printf \"%T\" .Object.spec.replicas }} {{ .Secrets.db.Data.user | toString }}");
        assertThat(err.toString()).isEmpty();
        assertThat(status).isZero();
        assertThat(out.toString()).isEqualTo("backups/2024-03-05 int64 root");
    }

    @Test
    void renderErrorShowsGosAndKanistersMessage() throws IOException {
        Path params = file("tp.json", "{\"Options\": {}}");
        int status = run("template", "render", "--params", params.toString(), "{{ .Options.nope }}");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("template: config:1:11: executing \"config\" at <.Options.nope>: "
                + "map has no entry for key \"nope\"\n(Kanister reports: Failed to render template: \"nope\" not found)\n");
    }

    @Test
    void waitModeReportsTheResolvedConditionAndResult() throws IOException {
        Path pod = file("pod.json", "{\"status\": {\"phase\": \"Running\"}}");
        int status = run("template", "render", "--mode", "wait", "--object", pod.toString(),
                "{{ eq \"{$.status.phase}\" \"Running\" }}");
        assertThat(status).isZero();
        assertThat(out.toString()).isEqualTo("true");
        assertThat(err.toString()).isEqualTo("resolved condition: {{ eq \"Running\" \"Running\" }}\ncondition: true\n");
    }

    @Test
    void conformancePrintsResultsForEveryCase() throws IOException {
        Path corpus = file("corpus.json", "{\"cases\": [\n"
                + "{\"id\": \"a\", \"template\": \"{{ .x | upper }}\", \"data\": {\"x\": \"<b>\"}},\n"
                + "{\"id\": \"b\", \"mode\": \"waitv2\", \"template\": \"\", \"condition\": \"{{ upper . }}\","
                + " \"object\": {}}\n]}\n");
        assertThat(run("template", "conformance", corpus.toString())).isZero();
        assertThat(out.toString()).isEqualTo("{\"results\":[{\"error\":\"\",\"id\":\"a\",\"output\":\"\\u003cB\\u003e\"},"
                + "{\"error\":\"\",\"id\":\"b\",\"output\":\"\",\"result\":false}]}\n");
    }

    @Test
    void conditionModesNeedAnObject() {
        assertThat(run("template", "render", "--mode", "wait", "{{ true }}")).isEqualTo(2);
        assertThat(err.toString()).contains("--mode wait needs --object");
    }
}
