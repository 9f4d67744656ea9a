package io.kanisterhooks.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cli.Main;
import io.kanisterhooks.cluster.junit.CommandResult;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.cluster.junit.SampleApps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hook blueprint of {@code jenkinsfile-examples/blueprints/} around a real backup of a real database on the local
 * cluster, run as a user runs it: {@code kanister-hooks wrap} (its own JVM, as {@code bin/kanister-hooks} starts it)
 * with the quiesce preHook, the unquiesce onSuccess and the release-and-report onFailure, the StatefulSet as subject,
 * and a stage that dumps the database in its pod and then tries an application write. The table is created by a
 * {@code KubeExec} phase ({@code run-action}). Subclasses say how to talk to their database.
 */
@ExtendWith(LocalClusterExtension.class)
abstract class DatabaseHooksTest {
    private static final Duration START = Duration.ofMinutes(3);
    private static final Path BLUEPRINTS =
            Path.of(System.getProperty("kanisterhooks.root", ".."), "jenkinsfile-examples", "blueprints");

    /** The stage: a dump taken in the database's pod, an application write, the stage's exit code. */
    private static final String STAGE = """
            in_pod() { kubectl --namespace "$NAMESPACE" exec "$POD" -c "$CONTAINER" -- sh -c "$1"; }
            in_pod "$DUMP" >"$OUT/dump.sql" || exit 90
            if in_pod "$WRITE" 2>"$OUT/write.err"; then echo accepted >"$OUT/write"; else echo refused >"$OUT/write"; fi
            exit "$STAGE_EXIT"
            """;

    @TempDir
    Path dir;

    abstract SampleApps app();

    /** The hook blueprint's name (and file name, without .yaml). */
    abstract String hooks();

    /** Shell run in the database's container: creates table {@code orders (id, item)} with (1, tea), (2, cake). */
    abstract String createOrders();

    /** Shell run in the database's container: a logical dump of the application's database on stdout. */
    abstract String dump();

    /** Shell run in the database's container: the application inserts a row. */
    abstract String insert(int id, String item);

    /** Shell run in the database's container: the rows as "id item" lines, by id. */
    abstract String rows();

    /** How the dump holds rows (1, tea) and (2, cake). */
    abstract String dumpedRows();

    /** What the database says to a write while it is quiesced. */
    abstract String refusal();

    /** The read-only setting as the quiesce hook reads it back from the server (its artifact's readOnly). */
    abstract String readOnlySetting();

    @Test
    void theHookBlueprintPassesValidationWithTheHookRules() {
        CommandResult r = cli(Path.of("/dev/null"), List.of(), "validate", "--hooks", blueprint().toString());

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).isEqualTo("validated 1 blueprint in 1 file: 0 errors, 0 warnings\n");
    }

    @Test
    void aBackupThatSucceedsRunsWhileTheDatabaseIsReadOnlyAndWritesWorkAfterwards(KubeTestContext k)
            throws IOException {
        createDatabaseWithOrders(k);

        CommandResult run = backup(k, 0);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertBackupTakenWhileQuiesced(run);
        assertThat(run.stderr()).contains("backup done: " + app().pod() + " writable again (read-only since 20")
                .doesNotContain("BACKUP FAILED");
        assertWritable(k);
    }

    @Test
    void aBackupThatFailsAfterItsDumpStillReleasesTheDatabase(KubeTestContext k) throws IOException {
        createDatabaseWithOrders(k);

        CommandResult run = backup(k, 1);

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        assertBackupTakenWhileQuiesced(run);
        assertThat(run.stderr()).contains("BACKUP FAILED: " + app().pod() + " writable again (read-only since 20")
                .doesNotContain("backup done");
        assertWritable(k);
    }

    private void createDatabaseWithOrders(KubeTestContext k) throws IOException {
        app().deploy(k);
        app().awaitReady(k, START);
        Path seed = Files.writeString(dir.resolve("seed.yaml"), """
                apiVersion: cr.kanister.io/v1alpha1
                kind: Blueprint
                metadata: {name: seed}
                actions:
                  seed:
                    phases:
                    - func: KubeExec
                      name: createOrders
                      args:
                        namespace: '{{ .StatefulSet.Namespace }}'
                        pod: '{{ index .StatefulSet.Pods 0 }}'
                        container: %s
                        command:
                        - sh
                        - -c
                        - |
                          %s
                """.formatted(app().appName(), createOrders()));
        CommandResult seeded = cli(k.kubeconfig(), List.of(), "run-action", "--blueprint", seed.toString(),
                "--action", "seed", "--namespace", k.namespace(), "--subject", "statefulset/" + app().appName());
        assertThat(seeded.exitCode()).as(seeded.stderr()).isZero();
        assertThat(app().exec(k, rows()).stdout()).isEqualTo("1 tea\n2 cake\n");
    }

    private CommandResult backup(KubeTestContext k, int stageExit) {
        String action = hooks() + "/";
        List<String> stageEnvironment = List.of("NAMESPACE=" + k.namespace(), "POD=" + app().pod(),
                "CONTAINER=" + app().appName(), "DUMP=" + dump(), "WRITE=" + insert(3, "during the backup"),
                "OUT=" + dir, "STAGE_EXIT=" + stageExit);
        return cli(k.kubeconfig(), stageEnvironment, "wrap", "--state", dir.resolve("state.json").toString(),
                "--report-dir", dir.resolve("reports").toString(), "--blueprint", blueprint().toString(),
                "--pre-hook", action + "quiesce", "--on-success", action + "unquiesce",
                "--on-failure", action + "release-and-report", "--namespace", k.namespace(),
                "--subject", "statefulset/" + app().appName(), "--", "sh", "-c", STAGE);
    }

    private void assertBackupTakenWhileQuiesced(CommandResult run) throws IOException {
        assertThat(run.stderr()).as("the quiesce hook's output").contains(
                "/preHook/readOnly] output readOnly = " + readOnlySetting() + "\n");
        assertThat(Files.readString(dir.resolve("dump.sql"))).contains(dumpedRows()).doesNotContain("during");
        assertThat(Files.readString(dir.resolve("write"))).as("the application's write during the stage")
                .isEqualTo("refused\n");
        assertThat(Files.readString(dir.resolve("write.err"))).contains(refusal());
    }

    private void assertWritable(KubeTestContext k) {
        CommandResult after = app().exec(k, insert(4, "after"));
        assertThat(after.exitCode()).as(after.stderr()).isZero();
        assertThat(app().exec(k, rows()).stdout()).isEqualTo("1 tea\n2 cake\n4 after\n");
    }

    private Path blueprint() {
        return BLUEPRINTS.resolve(hooks() + ".yaml");
    }

    /**
     * The CLI as {@code bin/kanister-hooks} runs it (a JVM of its own), on this build's classes, with
     * {@code KUBECONFIG} and {@code env} added to its environment (a wrapped stage inherits both).
     */
    private static CommandResult cli(Path kubeconfig, List<String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("env"));
        command.addAll(env);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return KubeTestContext.run(command, kubeconfig);
    }
}
