package io.kanisterhooks.functions;

import static io.kanisterhooks.functions.ApiTestFixtures.apply;
import static io.kanisterhooks.functions.ApiTestFixtures.blueprint;
import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.Subject;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.golang.value.GoInt;
import io.kanisterhooks.testing.ActionHarness;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ScaleWorkload on the local cluster: StatefulSets and Deployments up and down, arguments, outputs, failures. */
@ExtendWith(LocalClusterExtension.class)
class ScaleWorkloadTest {

    private static String scalePhase(String name, String args) {
        return """
                - func: ScaleWorkload
                  name: %s
                  args: %s
                """.formatted(name, args);
    }

    private static ActionResult run(ActionHarness h, KubeTestContext k, String bp, Subject subject) {
        return h.run(ActionHarness.blueprint(bp), "run", subject, Map.of(), Map.of(), Cancellation.none());
    }

    private static List<V1Pod> pods(KubeTestContext k, String app) throws ApiException {
        return k.coreV1().listNamespacedPod(k.namespace()).labelSelector("app=" + app).execute().getItems();
    }

    private static long running(List<V1Pod> pods) {
        return pods.stream().filter(p -> "Running".equals(p.getStatus().getPhase())).count();
    }

    @Test
    void statefulSetSubjectUpAndDown(KubeTestContext k) throws Exception {
        apply(k, ApiTestFixtures.statefulSet("db", 1));
        Subject sts = Subject.of("statefulset", "db", k.namespace());
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult up = run(h, k, blueprint(scalePhase("up", "{replicas: 3}")), sts);
            assertThat(up.succeeded()).as(up.error()).isTrue();
            assertThat(up.phases().get(0).output()).isEqualTo(Map.of("originalReplicaCount", GoInt.ofInt32(1)));
            assertThat(running(pods(k, "db"))).isEqualTo(3);

            ActionResult down = run(h, k, blueprint(scalePhase("down", "{replicas: '1'}")), sts);
            assertThat(down.succeeded()).as(down.error()).isTrue();
            assertThat(down.phases().get(0).output()).isEqualTo(Map.of("originalReplicaCount", GoInt.ofInt32(3)));
            // pods being deleted still count as running for Kanister, so the wait ends when they are gone
            assertThat(pods(k, "db")).hasSize(1);
        }
    }

    @Test
    void deploymentByArgumentsUpAndToZero(KubeTestContext k) throws Exception {
        apply(k, ApiTestFixtures.deployment("web", 1));
        String args = "{namespace: " + k.namespace() + ", name: web, kind: Deployment, replicas: %d}";
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult up = h.run(blueprint(scalePhase("up", args.formatted(2))), "run");
            assertThat(up.succeeded()).as(up.error()).isTrue();
            assertThat(up.phases().get(0).output()).isEqualTo(Map.of("originalReplicaCount", GoInt.ofInt32(1)));
            assertThat(running(pods(k, "web"))).isEqualTo(2);
            assertThat(ApiTestFixtures.kubectl(k, "get", "deployment", "web", "-o",
                    "jsonpath={.status.availableReplicas}").stdout()).isEqualTo("2");

            ActionResult zero = h.run(blueprint(scalePhase("zero", args.formatted(0))), "run");
            assertThat(zero.succeeded()).as(zero.error()).isTrue();
            assertThat(zero.phases().get(0).output()).isEqualTo(Map.of("originalReplicaCount", GoInt.ofInt32(2)));
            assertThat(pods(k, "web")).isEmpty();
        }
    }

    /** The output is a Go int32: it prints and converts like one, and can scale back (csi-snapshot's pattern). */
    @Test
    void originalReplicaCountIsAnInt32(KubeTestContext k) {
        apply(k, ApiTestFixtures.deployment("web", 2));
        String bp = blueprint(scalePhase("down", "{replicas: 0}")
                + scalePhase("up", "{replicas: '{{ .Phases.down.Output.originalReplicaCount }}'}"))
                .replace("  run:\n", """
                          run:
                            outputArtifacts:
                              count:
                                keyValue:
                                  type: '{{ printf "%T" .Phases.down.Output.originalReplicaCount }}'
                                  value: '{{ .Phases.down.Output.originalReplicaCount }}'
                                  json: '{{ toJson .Phases.down.Output }}'
                        """);
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = run(h, k, bp, Subject.of("deployment", "web", k.namespace()));
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.artifacts().get("count").keyValue()).containsEntry("type", "int32").containsEntry("value", "2")
                    .containsEntry("json", "{\"originalReplicaCount\":2}");
            assertThat(r.phases().get(1).output()).isEqualTo(Map.of("originalReplicaCount", GoInt.ofInt32(0)));
        }
        assertThat(ApiTestFixtures.kubectl(k, "get", "deployment", "web", "-o",
                "jsonpath={.status.readyReplicas}").stdout()).isEqualTo("2");
    }

    @Test
    void withoutWaitingItReturnsAtOnce(KubeTestContext k) {
        apply(k, ApiTestFixtures.statefulSet("db", 0));
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = run(h, k, blueprint(scalePhase("up", "{replicas: 2, waitForReady: false}")),
                    Subject.of("statefulset", "db", k.namespace()));
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases().get(0).output()).isEqualTo(Map.of("originalReplicaCount", GoInt.ofInt32(0)));
        }
        assertThat(ApiTestFixtures.kubectl(k, "get", "statefulset", "db", "-o", "jsonpath={.spec.replicas}")
                .stdout()).isEqualTo("2");
    }

    @Test
    void replicasDecoding(KubeTestContext k) {
        apply(k, ApiTestFixtures.statefulSet("db", 0));
        Subject sts = Subject.of("statefulset", "db", k.namespace());
        try (ActionHarness h = new ActionHarness(k)) {
            assertThat(run(h, k, blueprint(scalePhase("s", "{replicas: abc}")), sts).error())
                    .isEqualTo("Cannot convert abc to int: strconv.ParseInt: parsing \"abc\": invalid syntax");
            assertThat(run(h, k, blueprint(scalePhase("s", "{replicas: '3000000000'}")), sts).error())
                    .isEqualTo("Cannot convert 3000000000 to int: strconv.ParseInt: parsing \"3000000000\": value "
                            + "out of range");
            assertThat(run(h, k, blueprint(scalePhase("s", "{replicas: '0x1'}")), sts).error())
                    .isEqualTo("Cannot convert 0x1 to int: strconv.ParseInt: parsing \"0x1\": invalid syntax");
            assertThat(run(h, k, blueprint(scalePhase("s", "{replicas: 1.5}")), sts).error())
                    .isEqualTo("Invalid arg type float64 for Arg replicas ");
            assertThat(run(h, k, blueprint(scalePhase("s", "{replicas: true}")), sts).error())
                    .isEqualTo("Invalid arg type bool for Arg replicas ");
            ActionResult ok = run(h, k, blueprint(scalePhase("s", "{replicas: '+0', waitForReady: 'true'}")), sts);
            assertThat(ok.succeeded()).as(ok.error()).isTrue();
        }
    }

    @Test
    void workloadMustBeKnown(KubeTestContext k) {
        try (ActionHarness h = new ActionHarness(k)) {
            assertThat(h.run(blueprint(scalePhase("s", "{replicas: 1, name: x, kind: deployment}")), "run").error())
                    .isEqualTo("Workload information not available via defaults or namespace/name/kind parameters");
            assertThat(h.run(blueprint(scalePhase("s", "{replicas: 1, namespace: " + k.namespace()
                    + ", name: x, kind: DaemonSet}")), "run").error()).isEqualTo("Workload type not supported DaemonSet");
            assertThat(h.run(blueprint(scalePhase("s", "{replicas: 1, namespace: " + k.namespace()
                    + ", name: x, kind: DeploymentConfig}")), "run").error())
                    .startsWith("Workload type not supported DeploymentConfig: ");
            assertThat(h.run(blueprint(scalePhase("s", "{replicas: 1, namespace: " + k.namespace()
                    + ", name: x, kind: StatefulSet}")), "run").error())
                    .startsWith("Could not get StatefulSet, to figure out replicas: ")
                    .endsWith("statefulsets.apps \"x\" not found");
        }
    }

    @Test
    void theActionDeadlineStopsTheWaitWithTheLastStatus(KubeTestContext k) {
        // a pod that can never be scheduled keeps the StatefulSet from becoming ready
        apply(k, ApiTestFixtures.statefulSet("db", 0).replace("terminationGracePeriodSeconds: 0",
                "terminationGracePeriodSeconds: 0\n      nodeSelector: {nowhere: 'true'}"));
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(ActionHarness.blueprint(blueprint(scalePhase("up", "{replicas: 1}"))), "run",
                    Subject.of("statefulset", "db", k.namespace()), Map.of(), Map.of(),
                    Cancellation.after(Duration.ofSeconds(3)));
            assertThat(r.error()).isEqualTo("aborted: timed out after 3s (Specified 1 replicas and only 0 are ready)");
        }
    }

    /** The ScaleWorkload phases of Kanister's time-log example (Deployment subject) around its data restore. */
    @Test
    void timeLogExampleScalePhases(KubeTestContext k) {
        apply(k, ApiTestFixtures.deployment("time-logger", 1));
        String bp = ApiTestFixtures.blueprintOf(ApiTestFixtures.examplePhases("time-log/blueprint.yaml",
                "restore", "shutdownPod", "bringupPod"), null);
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = run(h, k, bp, Subject.of("deployment", "time-logger", k.namespace()));
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases()).extracting(p -> p.output().get("originalReplicaCount"))
                    .containsExactly(GoInt.ofInt32(1), GoInt.ofInt32(0));
        }
    }

    /** The ScaleWorkload phases of Kanister's postgresql-wale example (StatefulSet subject). */
    @Test
    void postgresqlWaleExampleScalePhases(KubeTestContext k) throws Exception {
        apply(k, ApiTestFixtures.statefulSet("pg", 1));
        String bp = ApiTestFixtures.blueprintOf(ApiTestFixtures.examplePhases(
                "postgresql-wale/postgresql-blueprint.yaml", "restore", "shutdownPod", "restartPod"), null);
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = run(h, k, bp, Subject.of("statefulset", "pg", k.namespace()));
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(running(pods(k, "pg"))).isEqualTo(1);
        }
    }

    /** postgres-start-stop scales back to {@code len .StatefulSet.Pods} in a defer phase, a string argument. */
    @Test
    void postgresStartStopExampleScalePhases(KubeTestContext k) throws Exception {
        apply(k, ApiTestFixtures.statefulSet("pg", 2));
        ApiTestFixtures.awaitRollout(k, "statefulset/pg");
        Map<String, Object> restore = ApiTestFixtures.exampleAction("postgresql/postgres-start-stop-blueprint.yaml",
                "restore");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> phases = ((List<Map<String, Object>>) restore.get("phases")).stream()
                .filter(p -> "ScaleWorkload".equals(p.get("func"))).toList();
        @SuppressWarnings("unchecked")
        String bp = ApiTestFixtures.blueprintOf(phases, (Map<String, Object>) restore.get("deferPhase"));
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = run(h, k, bp, Subject.of("statefulset", "pg", k.namespace()));
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases()).extracting(p -> p.output().get("originalReplicaCount"))
                    .containsExactly(GoInt.ofInt32(2), GoInt.ofInt32(0));
            assertThat(running(pods(k, "pg"))).isEqualTo(2);
        }
    }
}
