package io.kanisterhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.testing.SharedMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    private static final String VALID = """
            apiVersion: cr.kanister.io/v1alpha1
            kind: Blueprint
            metadata: {name: ok}
            actions:
              backup:
                phases:
                - {func: KubeTask, name: dump, args: {image: busybox, command: [ls]}}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void validFilesExitZero() throws IOException {
        CliRun run = CliRun.of("validate", write("a.yaml", VALID).toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("validated 1 blueprint in 1 file: 0 errors, 0 warnings\n");
    }

    @Test
    void problemsArePrintedOnePerLineWithExitTwo() throws IOException {
        Path bad = write("bad.yaml", VALID.replace("command: [ls]", "comand: [ls]"));
        CliRun run = CliRun.of("validate", "-q", bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out().lines()).containsExactly(
                bad + ":7:36: Failed to validate phase dump in action backup: Required arg missing: command",
                bad + ":7:59: Failed to validate phase dump in action backup: argument comand is not supported; "
                        + "did you mean \"command\"?");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void directoriesAreSearchedRecursivelyForYaml() throws IOException {
        write("x/a.yaml", VALID);
        write("x/y/b.yml", VALID.replace("name: ok", "name: ok2"));
        write("x/y/notes.txt", "not yaml");
        CliRun run = CliRun.of("validate", dir.resolve("x").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEqualTo("validated 2 blueprints in 2 files: 0 errors, 0 warnings\n");
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        Path empty = write("empty.yaml", "");
        CliRun run = CliRun.of("validate", "-q", empty.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEqualTo(empty + ":1:1: file contains no YAML document\n");
    }

    @Test
    void nonUtf8FileIsAnErrorWithItsPlace() throws IOException {
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "a: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        CliRun run = CliRun.of("validate", "-q", latin1.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEqualTo(latin1 + ":1:7: invalid UTF-8 byte 0xE9: YAML files must be UTF-8 encoded\n");
    }

    @Test
    void missingPathIsBadInputWithoutStackTrace() {
        CliRun run = CliRun.of("validate", dir.resolve("nope.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + dir.resolve("nope.yaml") + ": no such file or directory\n");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitTwo() {
        CliRun run = CliRun.of("validate", "--hookz", "x.yaml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: Unknown option: '--hookz'\ndid you mean --hooks?");
    }

    @Test
    void jsonFormatForMachines() throws IOException {
        Path bad = write("bad.yaml", VALID.replace("KubeTask", "KubeTasks"));
        CliRun run = CliRun.of("validate", "--format", "json", "-q", bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("\"severity\": \"error\"", "\"line\": 7", "\"column\": 14",
                "\"message\": \"Requested function {KubeTasks} has not been registered; did you mean KubeTask?\"");
    }

    @Test
    void hooksModeAppliesHookRestrictions() throws IOException {
        Path f = write("h.yaml", VALID.replace("command: [ls]", "command: [kando, location, push]"));
        assertThat(CliRun.of("validate", "-q", f.toString()).exitCode()).isZero();
        CliRun run = CliRun.of("validate", "-q", "--hooks", f.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEqualTo(f + ":7:68: hook actions cannot use kando location (no location profile "
                + "exists for hooks): args.command\n");
    }

    @Test
    void versionAndHelp() {
        assertThat(CliRun.of("--version").out()).startsWith("kanister-hooks ");
        CliRun help = CliRun.of("validate", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: kanister-hooks validate", "--hooks", "PATH...");
    }

    @Test
    void kanisterExamplesAreValidExceptTheTwoWithRepeatedPhaseNames() {
        Path examples = SharedMaterial.require("kanister-examples");
        CliRun run = CliRun.of("validate", "-q", examples.toString());
        List<String> errors = run.out().lines().filter(l -> !l.contains(": warning: "))
                .map(l -> l.replace(examples + "/", "")).toList();
        // the example repositories keep several versions of a blueprint under one name, and ActionSets and Profiles
        // next to them: across one validate run, those are errors too
        assertThat(errors).contains("blueprints-repo/maria/maria-blueprint.yaml:1:1: blueprint maria-blueprint is "
                + "defined twice (also at blueprints-repo/maria/blueprint-v2/maria-blueprint.yaml:1:1)",
                "support/time-log/s3-profile.yaml:1:1: no Blueprint and no hooks in this file: document 1 (kind "
                        + "Profile) is not a Blueprint, a K10 Policy or Action, or a hooks: document");
        assertThat(errors.stream().filter(l -> !l.contains(" is defined twice (also at ")
                && !l.contains(": no Blueprint and no hooks in this file: ")))
                .containsExactly(
                        "blueprints-repo/aws-rds-postgres/aws-rds-postgres-blueprint.yaml:91:13: Failed to validate: "
                                + "Duplicated phase name is not allowed. Violating phase 'restoreSnapshots' (first used "
                                + "in action restore at line 54)",
                        "blueprints-repo/elasticsearch-incremental/elasticsearch-incremental-blueprint.yaml:160:13: "
                                + "Failed to validate: Duplicated phase name is not allowed. Violating phase "
                                + "'setupNodeKeyStore' (first used in action backup at line 16)",
                        "blueprints-repo/elasticsearch-incremental/elasticsearch-incremental-blueprint.yaml:332:13: "
                                + "Failed to validate: Duplicated phase name is not allowed. Violating phase "
                                + "'setupNodeKeyStore' (first used in action backup at line 16)",
                        "kanister/aws-rds/postgresql/rds-postgres-blueprint.yaml:91:13: Failed to validate: "
                                + "Duplicated phase name is not allowed. Violating phase 'restoreSnapshots' (first used "
                                + "in action restore at line 54)",
                        "kanister/elasticsearch-incremental/elasticsearch-incremental-blueprint.yaml:160:13: Failed to "
                                + "validate: Duplicated phase name is not allowed. Violating phase 'setupNodeKeyStore' "
                                + "(first used in action backup at line 16)",
                        "kanister/elasticsearch-incremental/elasticsearch-incremental-blueprint.yaml:332:13: Failed to "
                                + "validate: Duplicated phase name is not allowed. Violating phase 'setupNodeKeyStore' "
                                + "(first used in action backup at line 16)");
    }

    @Test
    void hookSpecsAreValidatedAgainstTheBlueprintsGiven() throws IOException {
        Path hooks = write("hooks.yaml", """
                hooks:
                  preHook: {blueprint: ok, actionName: backupp}
                  onFailure: {blueprint: ok, actionName: backup, maxRetries: 1}
                  onSuccess: {blueprint: elsewhere, actionName: x}
                """);
        Path bp = write("bp.yaml", VALID);
        CliRun run = CliRun.of("validate", hooks.toString(), bp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out().lines()).containsExactly(
                hooks + ":2:40: action \"backupp\" not found in blueprint ok (its actions: backup); did you mean "
                        + "\"backup\"?",
                hooks + ":3:62: hooks.onFailure.maxRetries: onFailure hooks are never retried (K10 semantics)");
        assertThat(run.err()).contains("note: " + hooks + ":4:26: hook onSuccess uses blueprint elsewhere, which is "
                + "not among the files validated (it may live in the cluster)");
    }
}
