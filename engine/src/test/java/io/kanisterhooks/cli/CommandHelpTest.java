package io.kanisterhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each hook command's {@code --help} lists exactly the options it uses; plan refuses the options of a run. */
class CommandHelpTest {

    /** What chooses and renders hooks: every hook command has these. */
    private static final List<String> SELECTION = List.of("--hooks-file", "--pre-hook", "--on-success",
            "--on-failure", "--always", "--blueprint", "--blueprint-namespace", "-n", "--namespace",
            "--namespace-selector", "--subject", "--option", "--force-root-in-hooks", "--home-namespace", "--run",
            "--state", "--kubeconfig", "--context", "-h", "--help", "-V", "--version", "--debug");
    /** What only a run uses. */
    private static final List<String> RUN = List.of("--parallelism", "--timeout", "--on-error", "--report-dir",
            "--claim-ttl", "--lock-wait", "--no-recover", "--no-hooks-on-abort");

    @Test
    void hooksPreAndPostListTheHookAndTheRunOptions() {
        assertThat(options("hooks", "pre", "--help")).containsExactlyInAnyOrderElementsOf(all(SELECTION, RUN));
        assertThat(options("hooks", "post", "--help"))
                .containsExactlyInAnyOrderElementsOf(all(SELECTION, RUN, List.of("--outcome")));
    }

    @Test
    void wrapAddsItsRetries() {
        assertThat(options("wrap", "--help")).containsExactlyInAnyOrderElementsOf(all(SELECTION, RUN,
                List.of("--retries")));
    }

    @Test
    void planListsWhatItUsesAndNoOptionOfARun() {
        CliRun help = CliRun.of("plan", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(options("plan", "--help")).containsExactlyInAnyOrderElementsOf(all(SELECTION,
                List.of("--action", "--artifact", "-o", "--output", "--junit", "--json")));
        assertThat(help.out().replaceAll("\\s+", " ")).contains("Exit 0 when every hook would start",
                "1 when one would not",
                "with --junit, its test case fails");
    }

    @Test
    void anOptionOfARunGivenToPlanIsBadInputNamingIt() {
        for (String option : RUN) {
            List<String> args = new ArrayList<>(List.of("plan", "--pre-hook", "hooks/quiesce", "-n", "shop"));
            args.add(option);
            if (!option.startsWith("--no-")) {
                args.add("1");
            }
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(option).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).as(option).containsPattern("Unknown options?: '" + option + "'")
                    .doesNotContain("\tat ");
            assertThat(r.out()).as(option).isEmpty();
        }
    }

    @Test
    void aJunitOrJsonFileWherePlanCannotWriteIsBadInputBeforeTheCluster(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "");
        for (String option : List.of("--junit", "--json")) {
            CliRun r = CliRun.of("plan", "--pre-hook", "hooks/quiesce", "-n", "shop", option, "/",
                    "--kubeconfig", "/nonexistent/kubeconfig");
            assertThat(r.exitCode()).as(option).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).as(option).contains(option + " /: is a directory, not a file");

            Path under = file.resolve("plan.out");
            r = CliRun.of("plan", "--pre-hook", "hooks/quiesce", "-n", "shop", option, under.toString(),
                    "--kubeconfig", "/nonexistent/kubeconfig");
            assertThat(r.exitCode()).as(option).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).as(option).contains(option + " " + file + ": is a file, not a directory")
                    .doesNotContain("\tat ");
            assertThat(r.out()).as(option).isEmpty();
        }
    }

    /** The option names in the help's option list. */
    private static List<String> options(String... args) {
        CliRun help = CliRun.of(args);
        assertThat(help.exitCode()).as(String.join(" ", args)).isZero();
        List<String> names = new ArrayList<>();
        // an option's line: "  -n, --namespace=NS  ..." or "      --junit=FILE  ..." (the usage lines are deeper)
        Matcher m = Pattern.compile("(?m)^  (?:(-\\w), |    )(--[\\w-]+)").matcher(help.out());
        while (m.find()) {
            if (m.group(1) != null) {
                names.add(m.group(1));
            }
            names.add(m.group(2));
        }
        return names;
    }

    @SafeVarargs
    private static List<String> all(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }
}
