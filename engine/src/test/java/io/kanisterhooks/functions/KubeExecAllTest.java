package io.kanisterhooks.functions;

import static io.kanisterhooks.functions.PodTestWorkloads.phase;
import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.Subject;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.testing.ActionHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** KubeExecAll on the local cluster: every pod × container at once, merged outputs, all failures in one error. */
@ExtendWith(LocalClusterExtension.class)
class KubeExecAllTest {

    private static String execAll(KubeTestContext k, String pods, String containers, String script) {
        return phase("KubeExecAll", """
                namespace: %s
                pods: "%s"
                containers: "%s"
                command: [sh, -c, '%s']
                """.formatted(k.namespace(), pods, containers, script.replace("'", "''")));
    }

    private static void twoPodsTwoContainers(KubeTestContext k) {
        PodTestWorkloads.idlePod(k, "pa", "x", "y");
        PodTestWorkloads.idlePod(k, "pb", "x", "y");
    }

    @Test
    void runsEverywhereAtOnceAndMergesOutputs(KubeTestContext k) throws Exception {
        twoPodsTwoContainers(k);
        Path barrier = Files.createTempDirectory("kh-barrier");
        try (ActionHarness h = new ActionHarness(k)) {
            // each command waits until all four have started: only concurrent execs can all finish
            String script = "c=$(basename $(pwd)); touch " + barrier + "/$HOSTNAME-$c; n=0; "
                    + "while [ $(ls " + barrier + " | wc -l) -lt 4 ]; do sleep 0.1; n=$((n+1)); "
                    + "[ $n -gt 300 ] && exit 9; done; "
                    + "kando output from_${HOSTNAME}_$c yes; kando output last $HOSTNAME/$c; echo done $c";
            ActionResult r = h.run(execAll(k, "  pa \t pb ", "x y", script), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases().get(0).output()).isEqualTo(Map.of("from_pa_x", "yes", "from_pa_y", "yes",
                    "from_pb_x", "yes", "from_pb_y", "yes", "last", "pb/y"));
            assertThat(h.logs).contains("p | pa/x: done x", "p | pb/y: done y");
        } finally {
            PodTestWorkloads.deleteTree(barrier);
        }
    }

    @Test
    void oneFailureFailsThePhaseWithItsMessage(KubeTestContext k) {
        twoPodsTwoContainers(k);
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(execAll(k, "pa pb", "x y", "kando output k v; c=$(basename $(pwd)); "
                    + "if [ $HOSTNAME/$c = pb/x ]; then echo broken >&2; exit 2; fi"), "run");
            assertThat(r.succeeded()).isFalse();
            assertThat(r.error()).isEqualTo("Failed to exec command in pod: command terminated with exit code 2.\n"
                    + "stdout: output k = v\nstderr: broken"); // the marker as people see it
            assertThat(r.phases().get(0).output()).isEmpty();
        }
    }

    @Test
    void severalFailuresAreJoinedLineByLine(KubeTestContext k) {
        twoPodsTwoContainers(k);
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(execAll(k, "pa pb", "x y", "c=$(basename $(pwd)); "
                    + "if [ $c = y ]; then echo $HOSTNAME >&2; exit 4; fi"), "run");
            assertThat(r.error()).isEqualTo(
                    "Failed to exec command in pod: command terminated with exit code 4.\nstdout: \nstderr: pa\n"
                    + "Failed to exec command in pod: command terminated with exit code 4.\nstdout: \nstderr: pb");
        }
    }

    @Test
    void noMarkerAnywhereIsNoOutput(KubeTestContext k) throws Exception {
        PodTestWorkloads.idlePod(k, "pa", "x");
        try (ActionHarness h = new ActionHarness(k)) {
            List<String> log = new ArrayList<>();
            assertThat(new KubeExecAll().execute(PodTestWorkloads.context(h, k, Cancellation.none(), log),
                    Map.of("namespace", k.namespace(), "pods", "pa", "containers", "x",
                            "command", List.of("echo", "hello")))).isNull();
            assertThat(log).containsExactly("pa/x: hello");
            assertThat(new KubeExecAll().execute(PodTestWorkloads.context(h, k, Cancellation.none(), log),
                    Map.of("namespace", k.namespace(), "pods", " ", "containers", "x",
                            "command", List.of("false")))).as("no pods: nothing runs").isNull();
        }
    }

    @Test
    void cassandraGetBackupPrefixLocationExample(KubeTestContext k) {
        Path noStubs = PodTestWorkloads.stubs(Map.of());
        PodTestWorkloads.statefulSet(k, "cassandra", 2, "cassandra", noStubs, Map.of(), null);
        // hooks have no Profile: the bucket the example reads from it is written in instead
        String yaml = PodTestWorkloads.examplePhases("cassandra/cassandra-blueprint.yaml", "backup",
                List.of("getBackupPrefixLocation"), text -> text.replace("{{ .Profile.Location.Bucket }}", "bucket"));
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(ActionHarness.blueprint(yaml), "backup",
                    Subject.of("statefulset", "cassandra", k.namespace()), Map.of(), Map.of(), Cancellation.none());
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases().get(0).output()).isEqualTo(Map.of(
                    "backupPrefixLocation", "bucket/cassandra_backups/" + k.namespace() + "/cassandra",
                    "localSnapshotPrefixLocation", "/bitnami/cassandra/cassandra_data/kanister_backups",
                    "replicaCount", "2"));
            // bash's xtrace (stderr) of both pods
            assertThat(h.logs).contains("getBackupPrefixLocation | cassandra-0/cassandra: + kando output replicaCount 2",
                    "getBackupPrefixLocation | cassandra-1/cassandra: + kando output replicaCount 2");
        } finally {
            PodTestWorkloads.deleteTree(noStubs);
        }
    }
}
