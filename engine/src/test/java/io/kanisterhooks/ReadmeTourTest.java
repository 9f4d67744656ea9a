package io.kanisterhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command-line tour, run as written: the shell block under "On the command line" is taken from the
 * README and run with bash in a directory that looks like a checkout (its {@code bin}, {@code src} and
 * {@code jenkinsfile-examples}), starting a cluster of its own. Two things differ from a person's run, both outside
 * the commands: the build step is left out (this build compiled the classes, which the launchers are pointed at), and
 * the cluster directory is a temporary one instead of {@code /tmp/kh-tour}.
 */
class ReadmeTourTest {

    private static final Path ROOT = Path.of(System.getProperty("kanisterhooks.root", ".."));
    private static final String TOUR_DIR = "/tmp/kh-tour";
    private static final Pattern TOUR = Pattern.compile("### On the command line\\s+```sh\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path checkout;

    @Test
    void theCommandLineTourRunsAsWrittenAndPrintsWhatTheReadmeShows() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String script = tourScript(readme);
        List<String> shownLines = shownOutput(readme);
        for (String dir : List.of("bin", "src", "jenkinsfile-examples", "cluster", "engine")) {
            Files.createSymbolicLink(checkout.resolve(dir), ROOT.resolve(dir).toAbsolutePath());
        }
        // like /tmp/kh-tour, enterable by the users the MariaDB image runs as (a @TempDir is owner-only)
        Files.setPosixFilePermissions(checkout, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path cluster = checkout.resolve("cluster-dir");
        Path output = checkout.resolve("tour.log");

        ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c",
                script.replace(TOUR_DIR, cluster.toString()))
                .directory(checkout.toFile()).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().put("KANISTER_HOOKS_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("KANISTER_HOOKS_CLUSTER_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("XDG_STATE_HOME", checkout.resolve("state").toString());
        pb.environment().remove("KUBECONFIG");
        pb.environment().remove("KANISTER_HOOKS_CLUSTER_DIR");
        Process tour = pb.start();
        boolean ended = tour.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            tour.destroyForcibly();
        }
        if (Files.exists(cluster.resolve("ready"))) {
            stopCluster(cluster); // the tour failed before its last command: no cluster may outlive the test
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(ended).as("the tour ended within 10 minutes:\n" + log).isTrue();
        assertThat(tour.exitValue()).as(log).isZero();
        List<String> printed = log.lines().map(ReadmeTourTest::withoutVariableParts).toList();
        for (String line : shownLines) {
            assertThat(printed).as("the README shows this line:\n" + line + "\nthe tour printed:\n" + log)
                    .contains(withoutVariableParts(line));
        }
        assertThat(shownLines).as("the README shows the refused write").anyMatch(l -> l.contains("refused"));
        assertThat(log).containsPattern("(?m)^hooks succeeded in [0-9.]+m?s \\(run kh-[0-9]{8}-[0-9]{6}-[a-z0-9]+\\)$")
                .containsPattern("(?m)^kh-\\S+ +completed +shop ");
        assertThat(checkout.resolve("reports/kanister-hooks-report.html")).exists();
        assertThat(cluster).as("the tour's last command stopped the cluster").doesNotExist();
    }

    /** The first {@code sh} block after the heading, without its build step (the first line). */
    private static String tourScript(String readme) {
        Matcher m = TOUR.matcher(readme);
        assertThat(m.find()).as("the README has the command-line tour").isTrue();
        List<String> lines = new ArrayList<>(m.group(1).lines().toList());
        assertThat(lines.get(0)).startsWith("mvn ");
        return String.join("\n", lines.subList(1, lines.size())) + "\n";
    }

    /** The lines of the sample output the README shows after the tour (the first block after it). */
    private static List<String> shownOutput(String readme) {
        Matcher tour = TOUR.matcher(readme);
        assertThat(tour.find()).isTrue();
        Matcher m = Pattern.compile("```\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find(tour.end())).isTrue();
        return m.group(1).lines().filter(l -> !l.isBlank()).toList();
    }

    /** A line with what differs per run (times, durations, run ids, the padding of table columns) replaced. */
    private static String withoutVariableParts(String line) {
        return line.replaceAll("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z", "TIME")
                .replaceAll("kh-[0-9]{8}-[0-9]{6}-[a-z0-9]+", "RUN")
                .replaceAll("\\b[0-9]+(\\.[0-9]+)?m?s\\b", "DURATION")
                .replaceAll("\\s+", " ").strip();
    }

    private static void stopCluster(Path dir) throws IOException, InterruptedException {
        new ProcessBuilder(ROOT.resolve("bin/local-cluster").toString(), "stop", "--dir", dir.toString())
                .inheritIO().start().waitFor(2, TimeUnit.MINUTES);
    }
}
