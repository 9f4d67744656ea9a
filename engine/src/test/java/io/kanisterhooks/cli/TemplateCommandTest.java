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
        CommandLine cli = new CommandLine(new Main());
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
    void conditionModesNeedAnObject() {
        assertThat(run("template", "render", "--mode", "wait", "{{ true }}")).isEqualTo(2);
        assertThat(err.toString()).contains("--mode wait needs --object");
    }
}
