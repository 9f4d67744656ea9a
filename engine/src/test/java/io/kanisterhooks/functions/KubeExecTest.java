package io.kanisterhooks.functions;

import static io.kanisterhooks.functions.PodTestWorkloads.phase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.PhaseState;
import io.kanisterhooks.action.Subject;
import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.testing.ActionHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** KubeExec on the local cluster: outputs from stdout only, Kanister's failure text, container selection, abort. */
@ExtendWith(LocalClusterExtension.class)
class KubeExecTest {

    private static String exec(KubeTestContext k, String pod, String container, String script) {
        return phase("KubeExec", """
                namespace: %s
                pod: %s
                %scommand: [sh, -c, '%s']
                """.formatted(k.namespace(), pod, container == null ? "" : "container: " + container + "\n",
                script.replace("'", "''")));
    }

    private static Map<String, Object> call(ActionHarness h, KubeTestContext k, Map<String, Object> args,
                                            List<String> log) throws PhaseException, CancelledException {
        return new KubeExec().execute(PodTestWorkloads.context(h, k, Cancellation.none(), log), args);
    }

    @Test
    void outputsComeFromStdoutOnlyAndBothStreamsAreLogged(KubeTestContext k) {
        PodTestWorkloads.idlePod(k, "one", "main");
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(exec(k, "one", null, "echo to-out; kando output version 0.119.0; "
                    + "kando output fromErr nope >&2; echo to-err >&2"), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases().get(0).output()).isEqualTo(Map.of("version", "0.119.0"));
            assertThat(h.logs).contains("p | to-out", "p | to-err");
        }
    }

    @Test
    void noMarkerIsNoOutputAtAll(KubeTestContext k) throws Exception {
        PodTestWorkloads.idlePod(k, "one", "main");
        try (ActionHarness h = new ActionHarness(k)) {
            List<String> log = new ArrayList<>();
            Map<String, Object> out = call(h, k, Map.of("namespace", k.namespace(), "pod", "one",
                    "command", List.of("echo", "plain", "text")), log);
            assertThat(out).isNull();
            assertThat(log).containsExactly("plain text");
            assertThat(call(h, k, Map.of("namespace", k.namespace(), "pod", "one",
                    "command", List.of("sh", "-c", "echo \"x ###Phase-output###: {\\\"key\\\":\\\"k\\\",\\\"value\\\":"
                            + "\\\"mid-line\\\"}\"")), log)).isEqualTo(Map.of("k", "mid-line"));
        }
    }

    @Test
    void nonZeroExitFailsWithKanistersMessageAndDropsOutputs(KubeTestContext k) {
        PodTestWorkloads.idlePod(k, "one", "main");
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(exec(k, "one", "main", "kando output partial x; echo \"  out line  \"; "
                    + "for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo err$i >&2; done; exit 3"), "run");
            assertThat(r.succeeded()).isFalse();
            assertThat(r.phases().get(0).state()).isEqualTo(PhaseState.FAILED);
            // Kanister's message, its output marker shown as everywhere people see it ("output KEY = VALUE")
            assertThat(r.error()).isEqualTo("Failed to exec command in pod: command terminated with exit code 3.\n"
                    + "stdout: output partial = x\r\nout line\n"
                    + "stderr: err3\r\nerr4\r\nerr5\r\nerr6\r\nerr7\r\nerr8\r\nerr9\r\nerr10\r\nerr11\r\nerr12");
            assertThat(r.phases().get(0).output()).isEmpty();
        }
    }

    @Test
    void invalidMarkerFailsThePhase(KubeTestContext k) {
        PodTestWorkloads.idlePod(k, "one", "main");
        try (ActionHarness h = new ActionHarness(k)) {
            assertThatThrownBy(() -> call(h, k, Map.of("namespace", k.namespace(), "pod", "one",
                    "command", List.of("echo", "###Phase-output###: Invalid message")), new ArrayList<>()))
                    .isInstanceOf(PhaseException.class).hasMessageContaining("Failed to unmarshal key-value pair");
        }
    }

    @Test
    void longOutputValue(KubeTestContext k) {
        PodTestWorkloads.idlePod(k, "one", "main");
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(exec(k, "one", null, "v=$(head -c 100000 /dev/zero | tr \"\\\\0\" a); echo $v; "
                    + "kando output longstring $v"), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat((String) r.phases().get(0).output().get("longstring")).hasSize(100_000).matches("a+");
        }
    }

    @Test
    void containerIsChosenByNameAndRequiredWhenThePodHasSeveral(KubeTestContext k) throws Exception {
        PodTestWorkloads.idlePod(k, "two", "first", "second");
        try (ActionHarness h = new ActionHarness(k)) {
            // the simulator gives each container its own working directory
            assertThat(call(h, k, Map.of("namespace", k.namespace(), "pod", "two", "container", "second",
                    "command", List.of("sh", "-c", "kando output dir $(basename $(pwd))")), new ArrayList<>()))
                    .isEqualTo(Map.of("dir", "second"));
            ActionResult r = h.run(exec(k, "two", null, "echo hi"), "run");
            assertThat(r.error()).isEqualTo("Failed to exec command in pod: a container name must be specified for "
                    + "pod two, choose one of: [first second].\nstdout: \nstderr: ");
        }
    }

    @Test
    void missingPodOrContainer(KubeTestContext k) {
        PodTestWorkloads.idlePod(k, "one", "main");
        try (ActionHarness h = new ActionHarness(k)) {
            assertThat(h.run(exec(k, "nope", null, "true"), "run").error())
                    .isEqualTo("Failed to exec command in pod: pods \"nope\" not found.\nstdout: \nstderr: ");
            assertThat(h.run(exec(k, "one", "other", "true"), "run").error())
                    .startsWith("Failed to exec command in pod: ").contains("other");
        }
    }

    @Test
    void abortStopsTheCommand(KubeTestContext k) throws Exception {
        PodTestWorkloads.idlePod(k, "one", "main");
        String token = "kh-abort-" + UUID.randomUUID();
        try (ActionHarness h = new ActionHarness(k)) {
            Cancellation cancellation = Cancellation.none();
            CompletableFuture<ActionResult> run = CompletableFuture.supplyAsync(() -> h.run(
                    ActionHarness.blueprint(exec(k, "one", null, "echo started; sleep 300; echo " + token)), "run",
                    Subject.namespace(k.namespace()), Map.of(), Map.of(), cancellation));
            assertThat(PodTestWorkloads.eventually(Duration.ofSeconds(30), () -> h.logs.contains("p | started")))
                    .isTrue();
            assertThat(PodTestWorkloads.processRuns(token)).isTrue();
            cancellation.cancel("aborted by test");
            ActionResult r = run.get();
            assertThat(r.succeeded()).isFalse();
            assertThat(r.error()).isEqualTo("aborted by test");
            assertThat(PodTestWorkloads.eventually(Duration.ofSeconds(20), () -> !PodTestWorkloads.processRuns(token)))
                    .as("the command was stopped").isTrue();
        }
    }

    @Test
    void theRunsDeadlineStopsTheCommand(KubeTestContext k) {
        PodTestWorkloads.idlePod(k, "one", "main");
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(ActionHarness.blueprint(exec(k, "one", null, "sleep 300")), "run",
                    Subject.namespace(k.namespace()), Map.of(), Map.of(), Cancellation.after(Duration.ofSeconds(2)));
            assertThat(r.error()).isEqualTo("aborted: timed out after 2s");
        }
    }

    @Test
    void templatesReachTheCommandAsOneArgvEach(KubeTestContext k) throws Exception {
        PodTestWorkloads.idlePod(k, "one", "main");
        try (ActionHarness h = new ActionHarness(k)) {
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            Map<String, Object> out = call(h, k, Map.of("namespace", k.namespace(), "pod", "one",
                    "command", List.of("sh", "-c", "kando output n $#; kando output first \"$0\"", "a b & c", "d")),
                    log);
            assertThat(out).isEqualTo(Map.of("n", "1", "first", "a b & c"));
        }
    }

    /**
     * The cassandra example's restore, without the phases that need an object store (RestoreDataAll) or scale the
     * StatefulSet: cqlsh and nodetool are stubs; the local snapshot directory named by the input artifact is removed.
     */
    @Test
    void cassandraRestoreExamplePhases(KubeTestContext k) throws Exception {
        assumeFalse(Files.exists(Path.of("/bitnami")), "/bitnami exists on this machine");
        Path stubs = PodTestWorkloads.stubs(Map.of("cqlsh", "echo system system_auth shop",
                "nodetool", "echo \"nodetool $*: done\""));
        Path snapshots = Files.createTempDirectory("kh-cassandra-snapshots");
        Files.writeString(snapshots.resolve("schema.cql"), "CREATE KEYSPACE shop;");
        PodTestWorkloads.statefulSet(k, "cassandra", 1, "cassandra", stubs, Map.of(), null);
        String yaml = PodTestWorkloads.examplePhases("cassandra/cassandra-blueprint.yaml", "restore",
                List.of("waitForConnectionReady", "restoreSnapshot"), text -> text);
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(ActionHarness.blueprint(yaml), "restore",
                    Subject.of("statefulset", "cassandra", k.namespace()), Map.of(),
                    Map.of("params", new Artifact(Map.of("snapshotPrefix", snapshots.toString()), "")),
                    Cancellation.none());
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases()).extracting(p -> p.output()).containsExactly(Map.of(), Map.of());
            assertThat(h.logs).contains("waitForConnectionReady | nodetool scrub: done");
            assertThat(snapshots).doesNotExist();
        } finally {
            PodTestWorkloads.deleteTree(snapshots);
            PodTestWorkloads.deleteTree(stubs);
        }
    }
}
