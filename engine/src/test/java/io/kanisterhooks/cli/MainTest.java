package io.kanisterhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which subcommands the command line is built with, and that a command line built with one behaves as with all. */
class MainTest {

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertThat(Main.commandLine(new String[] {"validate", "x.yaml"}).getSubcommands()).containsOnlyKeys("validate");
        assertThat(Main.commandLine(new String[] {"--debug", "hooks", "pre", "-n", "a"}).getSubcommands())
                .containsOnlyKeys("hooks");
        assertThat(Main.commandLine(new String[] {"hooks", "pre"}).getSubcommands().get("hooks").getSubcommands())
                .containsOnlyKeys("pre", "post");
    }

    @Test
    void versionBuildsNoSubcommandAndUsageHelpAndUnknownNamesBuildAllInUsageOrder() {
        assertThat(Main.commandLine(new String[] {"--version"}).getSubcommands()).isEmpty();
        for (String[] args : new String[][] {{}, {"--help"}, {"--version", "--help"}, {"help", "validate"},
            {"valdate"}, {"--debug"}}) {
            assertThat(Main.commandLine(args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactlyElementsOf(Main.SUBCOMMANDS);
        }
    }

    @Test
    void theUsageListsEverySubcommandAndAMisspeltOneGetsASuggestion() {
        CliRun usage = CliRun.of("--help");
        assertThat(usage.exitCode()).isZero();
        Main.SUBCOMMANDS.forEach(name -> assertThat(usage.out()).containsPattern("(?m)^  " + name + " "));
        assertThat(CliRun.of("--version").out()).startsWith("kanister-hooks ");

        CliRun misspelt = CliRun.of("valdate", "x.yaml");
        assertThat(misspelt.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(misspelt.err()).contains("did you mean validate?");
    }

    @Test
    void noCommandAtAllIsAUsageErrorWithTheUsageOnStderr() {
        CliRun none = CliRun.of();
        assertThat(none.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).contains("Usage: kanister-hooks", "error: no command given");
    }

    @Test
    void theProcessAnswersVersionWithoutPicocliAsPicocliWould() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String flag : List.of("--version", "-V")) {
            Process p = new ProcessBuilder(java, "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), flag).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(out.lines().filter(l -> !l.startsWith("[")).toList())
                    .containsExactly(CliRun.of(flag).out().strip());
            assertThat(out).doesNotContain("picocli.CommandLine$Model");
        }
    }

    @Test
    void validateLoadsNoLocaleDataWhateverTheDefaultLocale() throws Exception {
        // Formatting through a locale other than en_US makes the JVM load its locale data, ≈ 20 ms of a start; the
        // CLI's numbers are not localized (README, CLI start-up). A German default locale would show both.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path blueprint = Path.of(System.getProperty("kanisterhooks.root", ".."))
                .resolve("jenkinsfile-examples/blueprints/k10-post-export-hook.yaml");
        Process p = new ProcessBuilder(java, "-Duser.language=de", "-Duser.country=DE", "-Xlog:class+load=info",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "validate", "--hooks",
                blueprint.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("validated 1 blueprint in 1 file: 0 errors, 0 warnings")
                .contains("io.kanisterhooks.cli.ValidateCommand")
                .doesNotContain("sun.util.cldr.CLDRLocaleProviderAdapter ")
                .doesNotContain("java.text.DecimalFormatSymbols ");
    }
}
