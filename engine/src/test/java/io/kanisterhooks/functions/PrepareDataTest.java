package io.kanisterhooks.functions;

import static io.kanisterhooks.functions.PodTestWorkloads.phase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.Subject;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.testing.ActionHarness;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PrepareData on the local cluster (its provisioner binds every new PVC to a hostPath volume). */
@ExtendWith(LocalClusterExtension.class)
class PrepareDataTest {

    private static String prepare(KubeTestContext k, String more, String script) {
        return phase("PrepareData", """
                namespace: %s
                image: busybox
                command: [sh, -c, '%s']
                %s""".formatted(k.namespace(), script.replace("'", "''"), more));
    }

    static void pvc(KubeTestContext k, String name, String accessMode) {
        PodTestWorkloads.apply(k, """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: %s}
                spec:
                  accessModes: [%s]
                  resources: {requests: {storage: 1Gi}}
                """.formatted(name, accessMode));
    }

    private static List<V1Pod> pods(KubeTestContext k, String prefix) {
        try {
            return k.coreV1().listNamespacedPod(k.namespace()).execute().getItems().stream()
                    .filter(p -> p.getMetadata().getName().startsWith(prefix)).toList();
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the action in the background and returns its pod as created, once it exists; the pod waits for a file. */
    private static V1Pod podWhileRunning(KubeTestContext k, Path go, Supplier<ActionResult> action,
                                         List<ActionResult> result) throws Exception {
        CompletableFuture<ActionResult> run = CompletableFuture.supplyAsync(action);
        try {
            assertThat(PodTestWorkloads.eventually(Duration.ofSeconds(60),
                    () -> pods(k, "prepare-data-job-").size() == 1 || run.isDone())).isTrue();
            assertThat(run.isDone()).as("the action ended before its pod was seen").isFalse();
            return pods(k, "prepare-data-job-").get(0);
        } finally {
            Files.writeString(go, "");
            result.add(run.get());
        }
    }

    private static String waitFor(Path go) {
        return "while [ ! -f " + go + " ]; do sleep 0.1; done; ";
    }

    private static V1VolumeMount mountOf(V1Pod pod, String claim) {
        String volume = pod.getSpec().getVolumes().stream()
                .filter(v -> v.getPersistentVolumeClaim() != null
                        && claim.equals(v.getPersistentVolumeClaim().getClaimName()))
                .map(V1Volume::getName).findFirst().orElseThrow();
        return pod.getSpec().getContainers().get(0).getVolumeMounts().stream()
                .filter(m -> m.getName().equals(volume)).findFirst().orElseThrow();
    }

    @Test
    void givenVolumesAreMountedReadOnlyWhenTheClaimIsReadOnlyMany(KubeTestContext k) throws Exception {
        pvc(k, "data", "ReadWriteOnce");
        pvc(k, "shared-ro", "ReadOnlyMany");
        k.createServiceAccount("preparer");
        Path go = Files.createTempFile("kh-go", "");
        Files.delete(go);
        try (ActionHarness h = new ActionHarness(k)) {
            List<ActionResult> result = new ArrayList<>();
            V1Pod pod = podWhileRunning(k, go, () -> h.run(prepare(k, """
                    volumes: {data: /mnt/data, shared-ro: /mnt/ro}
                    serviceaccount: preparer
                    podLabels: {team: db}
                    podAnnotations: {note: x}
                    """, waitFor(go) + "echo prepared; kando output done yes"), "run"), result);
            ActionResult r = result.get(0);
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases().get(0).output()).isEqualTo(Map.of("done", "yes"));
            assertThat(h.logs).contains("p | prepared");

            assertThat(pod.getMetadata().getName()).matches("prepare-data-job-[a-z0-9]{5}");
            assertThat(pod.getMetadata().getLabels()).containsEntry("createdBy", "kanister").containsEntry("team", "db");
            assertThat(pod.getMetadata().getAnnotations()).containsEntry("note", "x");
            assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("preparer");
            assertThat(pod.getSpec().getContainers().get(0).getName()).isEqualTo("container");
            assertThat(mountOf(pod, "data").getMountPath()).isEqualTo("/mnt/data");
            assertThat(mountOf(pod, "data").getReadOnly()).isNotEqualTo(Boolean.TRUE);
            assertThat(mountOf(pod, "shared-ro").getMountPath()).isEqualTo("/mnt/ro");
            assertThat(mountOf(pod, "shared-ro").getReadOnly()).isTrue();
            assertThat(pod.getSpec().getVolumes()).filteredOn(v -> v.getPersistentVolumeClaim() != null)
                    .allSatisfy(v -> assertThat(v.getName()).matches("vol-[0-9a-f-]{36}"))
                    .anySatisfy(v -> assertThat(v.getPersistentVolumeClaim().getReadOnly()).isTrue());
            assertThat(pods(k, "prepare-data-job-")).isEmpty();
        } finally {
            Files.deleteIfExists(go);
        }
    }

    @Test
    void withoutVolumesTheSubjectsClaimsAreMounted(KubeTestContext k) throws Exception {
        Path stubs = PodTestWorkloads.stubs(Map.of());
        PodTestWorkloads.statefulSet(k, "db", 1, "main", stubs, Map.of(), """
                volumeMounts: [{name: data, mountPath: /var/lib/data}]
                  volumeClaimTemplates:
                  - metadata: {name: data}
                    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}""");
        Path go = Files.createTempFile("kh-go", "");
        Files.delete(go);
        try (ActionHarness h = new ActionHarness(k)) {
            List<ActionResult> result = new ArrayList<>();
            V1Pod pod = podWhileRunning(k, go, () -> h.run(ActionHarness.blueprint(prepare(k, "", waitFor(go)
                    + "echo ok")), "run", Subject.of("statefulset", "db", k.namespace()), Map.of(), Map.of(),
                    Cancellation.none()), result);
            assertThat(result.get(0).succeeded()).as(result.get(0).error()).isTrue();
            assertThat(mountOf(pod, "data-db-0").getMountPath()).isEqualTo("/mnt/prepare_data/data-db-0");
        } finally {
            Files.deleteIfExists(go);
            PodTestWorkloads.deleteTree(stubs);
        }
    }

    @Test
    void subjectsWithoutClaims(KubeTestContext k) {
        Path stubs = PodTestWorkloads.stubs(Map.of());
        PodTestWorkloads.statefulSet(k, "plain", 1, "main", stubs, Map.of(), null);
        try (ActionHarness h = new ActionHarness(k)) {
            assertThat(h.run(prepare(k, "", "true"), "run").error()).isEqualTo("Failed to get volumes");
            assertThat(h.run(ActionHarness.blueprint(prepare(k, "", "true")), "run",
                    Subject.of("statefulset", "plain", k.namespace()), Map.of(), Map.of(), Cancellation.none())
                    .error()).isEqualTo("No volumes found");
        } finally {
            PodTestWorkloads.deleteTree(stubs);
        }
    }

    @Test
    void missingClaim(KubeTestContext k) {
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(prepare(k, "volumes: {nope: /mnt/nope}\n", "true"), "run");
            assertThat(r.error()).isEqualTo("Failed to retrieve PVC. namespace: " + k.namespace() + ", name: nope: "
                    + "persistentvolumeclaims \"nope\" not found");
            assertThat(pods(k, "")).isEmpty();
        }
    }

    @Test
    void aFailingCommandSucceedsUnlessFailOnError(KubeTestContext k) throws Exception {
        pvc(k, "data", "ReadWriteOnce");
        String script = "kando output k v; echo broken >&2; exit 3";
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult lenient = h.run(prepare(k, "volumes: {data: /mnt/data}\n", script), "run");
            assertThat(lenient.succeeded()).as(lenient.error()).isTrue();
            assertThat(lenient.phases().get(0).output()).isEqualTo(Map.of("k", "v"));

            ActionResult strict = h.run(prepare(k, "volumes: {data: /mnt/data}\nfailOnError: true\n", script), "run");
            assertThat(strict.succeeded()).isFalse();
            assertThat(strict.error()).matches("Pod .*/prepare-data-job-[a-z0-9]{5} failed: container container "
                    + "exited with code 3");
            assertThat(strict.phases().get(0).logTail()).contains("broken");
            assertThat(strict.phases().get(0).output()).isEmpty();

            List<String> log = new ArrayList<>();
            assertThat(new PrepareData().execute(PodTestWorkloads.context(h, k, Cancellation.none(), log),
                    Map.of("namespace", k.namespace(), "image", "busybox", "command", List.of("echo", "plain"),
                            "volumes", Map.of("data", "/mnt/data"), "failOnError", "true")))
                    .as("no marker: no output").isNull();
            assertThat(log).containsExactly("plain");
            assertThat(pods(k, "")).isEmpty();
        }
    }

    @Test
    void podThatCannotStart(KubeTestContext k) {
        pvc(k, "data", "ReadWriteOnce");
        try (ActionHarness h = new ActionHarness(k)) {
            assertThatThrownBy(() -> new PrepareData().execute(PodTestWorkloads.context(h, k, Cancellation.none(),
                    new ArrayList<>(), Duration.ofSeconds(2)), Map.of("namespace", k.namespace(), "image", "busybox",
                    "command", List.of("true"), "volumes", Map.of("data", "/mnt/data"),
                    "podOverride", Map.of("nodeSelector", Map.of("no-such-node", "true")))))
                    .isInstanceOf(PhaseException.class)
                    .hasMessageStartingWith("Pod did not transition into running state.");
            assertThat(PodTestWorkloads.eventually(Duration.ofSeconds(30), () -> pods(k, "").isEmpty())).isTrue();
        }
    }

    @Test
    void abortDeletesThePod(KubeTestContext k) throws Exception {
        pvc(k, "data", "ReadWriteOnce");
        try (ActionHarness h = new ActionHarness(k)) {
            Cancellation cancellation = Cancellation.none();
            CompletableFuture<ActionResult> run = CompletableFuture.supplyAsync(() -> h.run(ActionHarness.blueprint(
                    prepare(k, "volumes: {data: /mnt/data}\n", "echo started; sleep 300")), "run",
                    Subject.namespace(k.namespace()), Map.of(), Map.of(), cancellation));
            assertThat(PodTestWorkloads.eventually(Duration.ofSeconds(60), () -> h.logs.contains("p | started")))
                    .isTrue();
            cancellation.cancel("aborted by test");
            assertThat(run.get().error()).isEqualTo("aborted by test");
            assertThat(PodTestWorkloads.eventually(Duration.ofSeconds(30), () -> pods(k, "").isEmpty())).isTrue();
        }
    }

    @Test
    void mongodbResticSyncSecondaryExample(KubeTestContext k) {
        // the example empties the data directory of the secondary replica's claim, which is mounted at
        // /mongo/secondary; simulated containers have no mount namespace, so the path must not exist here
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(Path.of("/mongo")), "/mongo exists on this machine");
        pvc(k, "datadir-my-release-mongodb-1", "ReadWriteOnce");
        Path stubs = PodTestWorkloads.stubs(Map.of());
        PodTestWorkloads.statefulSet(k, "my-release-mongodb", 1, "mongodb", stubs, Map.of(), null);
        String yaml = PodTestWorkloads.examplePhases("mongodb-restic/mongodb-blueprint.yaml", "restore",
                List.of("syncSecondary"), text -> text);
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(ActionHarness.blueprint(yaml), "restore",
                    Subject.of("statefulset", "my-release-mongodb", k.namespace()), Map.of(), Map.of(),
                    Cancellation.none());
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases()).singleElement().satisfies(p -> assertThat(p.function()).isEqualTo("PrepareData"));
            assertThat(pods(k, "prepare-data-job-")).isEmpty();
        } finally {
            PodTestWorkloads.deleteTree(stubs);
        }
    }
}
