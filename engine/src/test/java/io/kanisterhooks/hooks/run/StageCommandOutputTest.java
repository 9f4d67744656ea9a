package io.kanisterhooks.hooks.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cancel.Cancellation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stage command's output reaches this process's stdout and stderr byte for byte while its last lines are kept.
 * Each case runs {@link StageCommand} in a JVM of its own whose stdout and stderr are files (as under Jenkins' sh
 * step), so that what passed through can be read back exactly.
 */
class StageCommandOutputTest {

    /** printf's escapes: a coloured word, a progress line rewritten with carriage returns, no final newline. */
    private static final String SCRIPT = "printf 'one\\n'; printf 'warn\\n' >&2; printf '\\033[31mred\\033[0m\\r\\n'; "
            + "printf 'pro 10%%\\rpro 100%%\\n\\n\\n'; printf 'tab\\there' ; printf ' und\\303\\274ber\\n'; "
            + "printf 'last without newline'; exit 7";

    @TempDir
    Path dir;

    /** Runs a stage command and writes its exit code and last lines to the file {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        StageCommand.Exit exit = new StageCommand(List.of(args).subList(1, args.length)).run(Cancellation.none());
        List<String> lines = new ArrayList<>(List.of("exit " + exit.code(), "ms " + (exit.finished().toEpochMilli()
                - exit.started().toEpochMilli())));
        lines.addAll(exit.lastLines());
        Files.write(Path.of(args[0]), lines, StandardCharsets.UTF_8);
    }

    @Test
    void outputPassesThroughUnchangedAndItsLastLinesAreKept() throws Exception {
        List<String> result = run(false, "sh", "-c", SCRIPT);

        assertThat(Files.readAllBytes(dir.resolve("out"))).isEqualTo(("one\n\u001B[31mred\u001B[0m\r\npro 10%\rpro "
                + "100%\n\n\ntab\there und\u00FCber\nlast without newline").getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(dir.resolve("err"))).isEqualTo("warn\n");
        assertThat(result.get(0)).isEqualTo("exit 7");
        // stdout and stderr are two pipes here: only each stream's own order is certain
        assertThat(result.subList(2, result.size())).containsExactlyInAnyOrder("one", "warn", "red", "pro 100%",
                "tab\there und\u00FCber", "last without newline");
        assertThat(result.subList(2, result.size())).filteredOn(l -> !l.equals("warn")).containsExactly("one",
                "red", "pro 100%", "tab\there und\u00FCber", "last without newline");
    }

    @Test
    void stdoutAndStderrInOneFileKeepTheirOrder() throws Exception {
        List<String> script = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            script.add("echo out" + i + "; echo err" + i + " >&2");
        }
        List<String> result = run(true, "sh", "-c", String.join("; ", script));

        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            expected.append("out").append(i).append('\n').append("err").append(i).append('\n');
        }
        assertThat(Files.readString(dir.resolve("out"))).isEqualTo(expected.toString());
        assertThat(result.get(0)).isEqualTo("exit 0");
        assertThat(result.subList(2, result.size())).hasSize(StageOutput.LAST_LINES).startsWith("out190", "err190")
                .endsWith("out199", "err199");
    }

    @Test
    void longLinesAreCutInTheLastLinesOnly() throws Exception {
        String longLine = "x".repeat(2000);
        List<String> result = run(false, "sh", "-c", "echo " + longLine);

        assertThat(Files.readString(dir.resolve("out"))).isEqualTo(longLine + "\n");
        assertThat(result.get(2)).isEqualTo("x".repeat(StageOutput.MAX_LINE_BYTES) + " …");
    }

    @Test
    void aCommandThatCannotStartHasAShellsExitCodeAndNoLines() throws Exception {
        List<String> result = run(false, dir.resolve("missing").toString());

        assertThat(result).containsExactly("exit 127", result.get(1));
    }

    /** Runs {@link #main} in a new JVM, stdout and stderr to files (the same file when {@code together}). */
    private List<String> run(boolean together, String... command) throws Exception {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StageCommandOutputTest.class.getName(),
                dir.resolve("result").toString()));
        java.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(java).redirectOutput(dir.resolve("out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        if (together) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(dir.resolve("err").toFile());
        }
        Process p = pb.start();
        assertThat(p.waitFor()).isZero();
        return Files.readAllLines(dir.resolve("result"), StandardCharsets.UTF_8);
    }
}
