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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hook blueprint of {@code jenkinsfile-examples/blueprints/} around a real backup of a real database on the local
 * cluster, run as a user runs it: {@code kanister-hooks wrap} (its own JVM, as {@code bin/kanister-hooks} starts it)
 * with the quiesce preHook, the unquiesce onSuccess and the release-and-report onFailure, the StatefulSet as subject,
 * the run's state in the cluster, and a stage that dumps the database in its pod and then tries an application write.
 * An always hook of the test's own reads the server's read-only setting back, so every run shows whether the database
 * was released before its last hook. The table is created by a {@code KubeExec} phase ({@code run-action}). Every way
 * a run can end is covered: the stage succeeds, fails, cannot start, is aborted (SIGTERM to {@code wrap}), or the CLI
 * is killed (SIGKILL) and {@code runs recover} finishes the run from another directory. Subclasses say how to talk to
 * their database.
 */
@ExtendWith(LocalClusterExtension.class)
abstract class DatabaseHooksTest {
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration SOON = Duration.ofSeconds(90);
    private static final Path BLUEPRINTS =
            Path.of(System.getProperty("kanisterhooks.root", ".."), "jenkinsfile-examples", "blueprints");
    private static final Pattern RUN_ID = Pattern.compile("kanister-hooks: run (\\S+) \\(state:");

    /**
     * The stage: a dump taken in the database's pod, an application write, then the stage's exit code — or, with
     * {@code HOLD} set, it writes its pid and sleeps that long (until the test signals {@code wrap} or kills it).
     */
    private static final String STAGE = """
            in_pod() { kubectl --namespace "$NAMESPACE" exec "$POD" -c "$CONTAINER" -- sh -c "$1"; }
            in_pod "$DUMP" >"$OUT/dump.sql" || exit 90
            if in_pod "$WRITE" 2>"$OUT/write.err"; then echo accepted >"$OUT/write"; else echo refused >"$OUT/write"; fi
            if [ -n "$HOLD" ]; then
              echo $$ >"$OUT/stage.pid.tmp" && mv "$OUT/stage.pid.tmp" "$OUT/stage.pid" && exec sleep "$HOLD"
            fi
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

    /** Shell run in the database's container as an administrator: prints the server's read-only setting. */
    abstract String readOnlyQuery();

    /** What {@link #readOnlyQuery()} prints when the server accepts the application's writes. */
    abstract String writableSetting();

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
        assertBackupTakenWhileQuiesced(run.stderr());
        assertThat(run.stderr()).contains("backup done: " + app().pod() + " writable again (read-only since 20")
                .doesNotContain("BACKUP FAILED");
        assertReleasedBeforeAlways(run.stderr());
        assertWritable(k);
    }

    @Test
    void aBackupThatFailsAfterItsDumpStillReleasesTheDatabase(KubeTestContext k) throws IOException {
        createDatabaseWithOrders(k);

        CommandResult run = backup(k, 1);

        assertStageFailedAndDatabaseReleased(k, run, 1);
    }

    @Test
    void aStageCommandThatCannotStartIsAFailedStageThatReleasesTheDatabase(KubeTestContext k) throws IOException {
        createDatabaseWithOrders(k);

        CommandResult run = cli(k.kubeconfig(), List.of(), wrap(k, dir.resolve("no-such-backup.sh").toString()));

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(127);
        assertThat(run.stderr()).contains("no-such-backup.sh: No such file or directory (exit code 127)")
                .as("the preHook quiesced").contains(quiesced());
        assertReleasedByOnFailure(run.stderr());
        assertWritable(k);
    }

    @Test
    void anAbortedBackupReleasesTheDatabaseBeforeWrapExits(KubeTestContext k) throws Exception {
        createDatabaseWithOrders(k);
        Started wrap = start(k, dir, stageEnvironment(k, 0, "120"), wrap(k, "sh", "-c", STAGE));
        wrap.awaitStage(dir.resolve("stage.pid"));

        wrap.signal("TERM");
        CommandResult run = wrap.await();

        assertStageFailedAndDatabaseReleased(k, run, 143);
    }

    @Test
    void aKilledBackupIsRecoveredFromAnotherDirectoryAndTheDatabaseReleased(KubeTestContext k) throws Exception {
        createDatabaseWithOrders(k);
        Path agent = Files.createDirectories(dir.resolve("agent"));
        Started wrap = start(k, agent, stageEnvironment(k, 0, "120"), wrap(k, "sh", "-c", STAGE));
        long stage = wrap.awaitStage(dir.resolve("stage.pid"));
        String id = runId(wrap.progress());

        wrap.signal("KILL");
        CommandResult killed = wrap.await();
        ProcessHandle.of(stage).ifPresent(ProcessHandle::destroyForcibly); // the agent took its processes with it
        CommandResult stillQuiesced = app().exec(k, insert(5, "before the recovery"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        CommandResult recover = start(k, elsewhere, List.of(), "runs", "recover", id, "--force",
                "--blueprint-namespace", k.namespace()).await();

        assertThat(killed.exitCode()).isEqualTo(137);
        assertBackupTakenWhileQuiesced(killed.stderr());
        assertThat(stillQuiesced.exitCode()).as("SIGKILL left the database read-only").isNotZero();
        assertThat(stillQuiesced.stderr()).contains(refusal());
        assertThat(recover.exitCode()).as(recover.stderr()).isZero();
        assertThat(recover.stderr()).contains("run " + id + " recovered");
        assertReleasedByOnFailure(recover.stderr());
        assertWritable(k);
    }

    private void createDatabaseWithOrders(KubeTestContext k) throws IOException {
        app().deploy(k);
        app().awaitReady(k, START);
        Path seed = kubeExecBlueprint("seed", createOrders());
        CommandResult seeded = cli(k.kubeconfig(), List.of(), "run-action", "--blueprint", seed.toString(),
                "--action", "seed", "--namespace", k.namespace(), "--subject", "statefulset/" + app().appName());
        assertThat(seeded.exitCode()).as(seeded.stderr()).isZero();
        assertThat(app().exec(k, rows()).stdout()).isEqualTo("1 tea\n2 cake\n");
    }

    /** A blueprint {@code name} with one action, also {@code name}: a KubeExec phase running {@code script}. */
    private Path kubeExecBlueprint(String name, String script) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), """
                apiVersion: cr.kanister.io/v1alpha1
                kind: Blueprint
                metadata: {name: %1$s}
                actions:
                  %1$s:
                    phases:
                    - func: KubeExec
                      name: %1$s
                      args:
                        namespace: '{{ .StatefulSet.Namespace }}'
                        pod: '{{ index .StatefulSet.Pods 0 }}'
                        container: %2$s
                        command:
                        - sh
                        - -c
                        - |
                          %3$s
                """.formatted(name, app().appName(), script));
    }

    private CommandResult backup(KubeTestContext k, int stageExit) throws IOException {
        return cli(k.kubeconfig(), stageEnvironment(k, stageExit, ""), wrap(k, "sh", "-c", STAGE));
    }

    /** The stage's environment (see {@link #STAGE}). */
    private List<String> stageEnvironment(KubeTestContext k, int stageExit, String hold) {
        return List.of("NAMESPACE=" + k.namespace(), "POD=" + app().pod(), "CONTAINER=" + app().appName(),
                "DUMP=" + dump(), "WRITE=" + insert(3, "during the backup"), "OUT=" + dir,
                "STAGE_EXIT=" + stageExit, "HOLD=" + hold);
    }

    /**
     * {@code wrap} with the hook blueprint's actions, and an always hook that prints the server's read-only setting;
     * the run's state is a Secret in the test's namespace.
     */
    private String[] wrap(KubeTestContext k, String... stage) throws IOException {
        Path always = kubeExecBlueprint("always", "echo \"read-only setting at the end: $(" + readOnlyQuery() + ")\"");
        String action = hooks() + "/";
        List<String> args = new ArrayList<>(List.of("wrap", "--blueprint-namespace", k.namespace(),
                "--report-dir", dir.resolve("reports").toString(),
                "--blueprint", blueprint().toString(), "--blueprint", always.toString(),
                "--pre-hook", action + "quiesce", "--on-success", action + "unquiesce",
                "--on-failure", action + "release-and-report", "--always", "always/always",
                "--namespace", k.namespace(), "--subject", "statefulset/" + app().appName(), "--"));
        args.addAll(List.of(stage));
        return args.toArray(String[]::new);
    }

    private String quiesced() {
        return "/preHook/readOnly] output readOnly = " + readOnlySetting() + "\n";
    }

    private void assertBackupTakenWhileQuiesced(String console) throws IOException {
        assertThat(console).as("the quiesce hook's output").contains(quiesced());
        assertThat(Files.readString(dir.resolve("dump.sql"))).contains(dumpedRows()).doesNotContain("during");
        assertThat(Files.readString(dir.resolve("write"))).as("the application's write during the stage")
                .isEqualTo("refused\n");
        assertThat(Files.readString(dir.resolve("write.err"))).contains(refusal());
    }

    /** The run ended with {@code exitCode} after a backup taken while quiesced, and onFailure released the DB. */
    private void assertStageFailedAndDatabaseReleased(KubeTestContext k, CommandResult run, int exitCode)
            throws IOException {
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(exitCode);
        assertBackupTakenWhileQuiesced(run.stderr());
        assertReleasedByOnFailure(run.stderr());
        assertWritable(k);
    }

    private void assertReleasedByOnFailure(String console) {
        assertThat(console).contains("BACKUP FAILED: " + app().pod() + " writable again (read-only since 20")
                .contains(" onFailure " + hooks() + "/release-and-report succeeded (attempt 1)")
                .doesNotContain("backup done");
        assertReleasedBeforeAlways(console);
    }

    private void assertReleasedBeforeAlways(String console) {
        assertThat(console).as("the always hook ran after the release")
                .contains("read-only setting at the end: " + writableSetting() + "\n")
                .contains(" always always/always succeeded (attempt 1)");
    }

    private void assertWritable(KubeTestContext k) {
        CommandResult after = app().exec(k, insert(4, "after"));
        assertThat(after.exitCode()).as(after.stderr()).isZero();
        assertThat(app().exec(k, rows()).stdout()).isEqualTo("1 tea\n2 cake\n4 after\n");
    }

    private Path blueprint() {
        return BLUEPRINTS.resolve(hooks() + ".yaml");
    }

    private static String runId(String console) {
        Matcher m = RUN_ID.matcher(console);
        assertThat(m.find()).as("the console names the run:\n" + console).isTrue();
        return m.group(1);
    }

    /**
     * The CLI as {@code bin/kanister-hooks} runs it (a JVM of its own), on this build's classes, with {@code env}
     * added to its environment (a wrapped stage inherits it).
     */
    private static List<String> command(List<String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("env"));
        command.addAll(env);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs the CLI with {@code KUBECONFIG} set and waits for it. */
    private static CommandResult cli(Path kubeconfig, List<String> env, String... args) {
        return KubeTestContext.run(command(env, args), kubeconfig);
    }

    /** Starts the CLI in {@code workDir}, its output in files there ({@code env} exec's into the JVM: one pid). */
    private static Started start(KubeTestContext k, Path workDir, List<String> env, String... args)
            throws IOException {
        Path out = Files.createTempFile(workDir, "cli-", ".out");
        Path err = Files.createTempFile(workDir, "cli-", ".err");
        ProcessBuilder pb = new ProcessBuilder(command(env, args)).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().put("KUBECONFIG", k.kubeconfig().toString());
        return new Started(pb.start(), out, err);
    }

    /** A CLI process that was started. */
    private record Started(Process process, Path out, Path err) {

        String progress() throws IOException {
            return Files.readString(err);
        }

        /** Waits until the stage wrote its pid to {@code pidFile}; returns it. */
        long awaitStage(Path pidFile) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + SOON.toNanos();
            while (!Files.exists(pidFile)) {
                assertThat(process.isAlive()).as("wrap ended before its stage started:\n" + progress()).isTrue();
                assertThat(System.nanoTime()).as("the stage started within " + SOON + ":\n" + progress())
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
            return Long.parseLong(Files.readString(pidFile).strip());
        }

        void signal(String name) throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-s", name, String.valueOf(process.pid())).inheritIO().start();
            assertThat(kill.waitFor()).as("kill -s " + name).isZero();
        }

        CommandResult await() throws IOException, InterruptedException {
            if (!process.waitFor(SOON.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the CLI did not end within " + SOON + "; stderr:\n" + progress());
            }
            return new CommandResult(process.exitValue(), Files.readString(out), progress());
        }
    }
}
