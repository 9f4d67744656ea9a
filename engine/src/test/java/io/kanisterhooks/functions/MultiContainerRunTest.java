package io.kanisterhooks.functions;

import static io.kanisterhooks.functions.PodTestWorkloads.phase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.Subject;
import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.testing.ActionHarness;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Volume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MultiContainerRun on the local cluster. Simulated containers are processes on this machine without mount
 * namespaces, so the shared volume's directory ({@code /tmp/} by default) is this machine's: every test uses file
 * names of its own there.
 */
@ExtendWith(LocalClusterExtension.class)
class MultiContainerRunTest {

    private static String mcr(String more, String background, String output) {
        return phase("MultiContainerRun", """
                backgroundImage: busybox
                backgroundCommand: [sh, -c, '%s']
                outputImage: busybox
                outputCommand: [sh, -c, '%s']
                %s""".formatted(background.replace("'", "''"), output.replace("'", "''"), more));
    }

    private static String unique() {
        return "/tmp/kh-mcr-" + UUID.randomUUID();
    }

    private static List<V1Pod> pods(KubeTestContext k) {
        try {
            return k.coreV1().listNamespacedPod(k.namespace()).execute().getItems();
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void outputsComeFromTheOutputContainerThroughTheSharedDirectory(KubeTestContext k) throws Exception {
        String file = unique();
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(mcr("", "kando output fromBackground x; echo shared > " + file + ".tmp; mv "
                    + file + ".tmp " + file, "while [ ! -f " + file + " ]; do sleep 0.1; done; echo reading; "
                    + "kando output value $(cat " + file + ")"), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases().get(0).output()).isEqualTo(Map.of("value", "shared"));
            assertThat(h.logs).contains("p | reading").noneMatch(l -> l.contains("fromBackground"));
            assertThat(pods(k)).as("the pod is deleted when the phase ends").isEmpty();
        } finally {
            Files.deleteIfExists(Path.of(file));
        }
    }

    /** Kanister's TestMultiContainerRunWithInit, with a file name of its own. */
    @Test
    void initContainerRunsFirst(KubeTestContext k) throws Exception {
        String fifo = unique();
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(mcr("""
                    initImage: busybox
                    initCommand: [sh, -c, 'mkfifo %1$s']
                    """.formatted(fifo), "if [ ! -e " + fifo + " ]; then exit 1; fi; echo foo >> " + fifo,
                    "if [ ! -e " + fifo + " ]; then exit 1; fi; kando output value $(cat " + fifo + ")"), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases().get(0).output()).isEqualTo(Map.of("value", "foo"));
        } finally {
            Files.deleteIfExists(Path.of(fifo));
        }
    }

    @Test
    void podFollowsKanistersConstruction(KubeTestContext k) throws Exception {
        String go = unique();
        String phase = mcr("""
                initImage: busybox
                initCommand: [sh, -c, 'test "$FROM_RUN" = run']
                namespace: %1$s
                sharedVolumeMedium: Memory
                sharedVolumeSizeLimit: 64Mi
                sharedVolumeDir: /data/shared/
                podLabels: {team: db, createdBy: someone}
                podAnnotations: {note: "1"}
                podOverride:
                  containers:
                  - name: output
                    env: [{name: FROM_BP, value: bp}]
                """.formatted(k.namespace()), "test \"$FROM_RUN\" = run",
                "while [ ! -f " + go + " ]; do sleep 0.1; done; kando output env $FROM_BP-$FROM_RUN");
        PodSettings run = new PodSettings(Map.of("runLabel", "r"), Map.of("note", "run", "runNote", "r"),
                Map.of("containers", List.of(Map.of("name", "container", "env",
                        List.of(Map.of("name", "FROM_RUN", "value", "run"))))), PodPolicy.NONE);
        try (ActionHarness h = new ActionHarness(k)) {
            CompletableFuture<ActionResult> result = CompletableFuture.supplyAsync(() -> PodTestWorkloads.run(h, k,
                    phase, "run", Subject.namespace(k.namespace()), Map.of(), run, Cancellation.none()));
            assertThat(PodTestWorkloads.eventually(Duration.ofSeconds(60), () -> pods(k).size() == 1)).isTrue();
            V1Pod pod = pods(k).get(0);
            Files.writeString(Path.of(go), "");
            ActionResult r = result.get();
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases().get(0).output()).isEqualTo(Map.of("env", "bp-run"));

            assertThat(pod.getMetadata().getName()).matches("kanister-job-[a-z0-9]{5}");
            assertThat(pod.getMetadata().getLabels()).containsEntry("createdBy", "kanister")
                    .containsEntry("team", "db").containsEntry("runLabel", "r");
            assertThat(pod.getMetadata().getAnnotations()).containsEntry("kubectl.kubernetes.io/default-container",
                    "output").containsEntry("note", "1").containsEntry("runNote", "r");
            assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
            // (the service account admission adds the token's volume and mounts)
            V1Volume shared = pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals("shared"))
                    .findFirst().orElseThrow();
            assertThat(shared.getEmptyDir().getMedium()).isEqualTo("Memory");
            assertThat(shared.getEmptyDir().getSizeLimit().toSuffixedString()).isEqualTo("64Mi");
            assertThat(pod.getSpec().getContainers()).extracting(V1Container::getName)
                    .containsExactly("output", "background");
            assertThat(pod.getSpec().getInitContainers()).extracting(V1Container::getName).containsExactly("init");
            for (V1Container c : List.of(pod.getSpec().getContainers().get(0), pod.getSpec().getContainers().get(1),
                    pod.getSpec().getInitContainers().get(0))) {
                assertThat(c.getVolumeMounts()).filteredOn(m -> m.getName().equals("shared"))
                        .singleElement().satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/data/shared/"));
                assertThat(c.getEnv()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("FROM_RUN"));
            }
        } finally {
            Files.deleteIfExists(Path.of(go));
        }
    }

    @Test
    void failedPodFailsThePhaseAndDropsOutputs(KubeTestContext k) {
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(mcr("", "echo bg-broken >&2; exit 4", "kando output value early; echo out-done"),
                    "run");
            assertThat(r.succeeded()).isFalse();
            assertThat(r.error()).matches("Pod .*/kanister-job-[a-z0-9]{5} failed: container background exited with "
                    + "code 4");
            assertThat(r.phases().get(0).logTail()).contains("out-done");
            assertThat(r.phases().get(0).output()).isEmpty();
            assertThat(pods(k)).isEmpty();
        }
    }

    @Test
    void badSizeLimit(KubeTestContext k) {
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(mcr("sharedVolumeSizeLimit: lots\n", "true", "true"), "run");
            assertThat(r.error()).startsWith("Failed to parse sharedStorageSize arg: quantities must match");
            assertThat(pods(k)).isEmpty();
        }
    }

    @Test
    void abortDeletesThePod(KubeTestContext k) throws Exception {
        try (ActionHarness h = new ActionHarness(k)) {
            Cancellation cancellation = Cancellation.none();
            CompletableFuture<ActionResult> run = CompletableFuture.supplyAsync(() -> h.run(
                    ActionHarness.blueprint(mcr("", "sleep 300", "echo started; sleep 300")), "run",
                    Subject.namespace(k.namespace()), Map.of(), Map.of(), cancellation));
            assertThat(PodTestWorkloads.eventually(Duration.ofSeconds(60), () -> h.logs.contains("p | started")))
                    .isTrue();
            cancellation.cancel("aborted by test");
            ActionResult r = run.get();
            assertThat(r.error()).isEqualTo("aborted by test");
            assertThat(PodTestWorkloads.eventually(Duration.ofSeconds(30), () -> pods(k).isEmpty())).isTrue();
        }
    }

    /** A {@code kando} in front of the real one: {@code location push/pull} keep objects in a directory. */
    private static String kandoStub(Path store) {
        return """
                store=%s
                if [ "$1" = location ]; then
                  op=$2; shift 2; path=; name=; snap=
                  while [ $# -gt 0 ]; do
                    case "$1" in
                      --path) path=$2; shift 2;;
                      --output-name) name=$2; shift 2;;
                      --kopia-snapshot) snap=$2; shift 2;;
                      --profile) echo "$2" > "$store/profile"; shift 2;;
                      *) shift;;
                    esac
                  done
                  case "$op" in
                    push) cat > "$store/$path"
                          PATH=${PATH#*:} exec kando output "$name" "snap-$(cksum < "$store/$path" | cut -d' ' -f1)";;
                    pull) echo "$snap" > "$store/pulled-snapshot"; exec cat "$store/$path";;
                  esac
                  exit 2
                fi
                PATH=${PATH#*:} exec kando "$@"
                """.formatted(store);
    }

    /**
     * The mysql example (blueprint-v2) backup and restore, run as written: init container making a fifo in the shared
     * directory, mysqldump in the background container, the output container streaming it to the object store. The
     * object store, mysqldump and mysql are stubs put first on the PATH of all three containers by a run-level override
     * of the generic container {@code container} (Kanister PR #3330).
     */
    @Test
    void mysqlBlueprintV2BackupAndRestoreExample(KubeTestContext k) throws Exception {
        Path fifo = Path.of("/tmp/data"); // the example's path in the shared volume, which is this machine's /tmp/
        assumeFalse(Files.exists(fifo), "/tmp/data exists on this machine");
        Path store = Files.createTempDirectory("kh-store");
        Path stubs = PodTestWorkloads.stubs(Map.of("kando", kandoStub(store),
                "mysqldump", "echo \"-- dump with $*\"; echo 'CREATE TABLE t (id int);'",
                "mysql", "cat > " + store + "/restored.sql; echo \"$*\" > " + store + "/mysql-args"));
        PodTestWorkloads.apply(k, """
                apiVersion: v1
                kind: Secret
                metadata: {name: mysql-rel}
                stringData: {mysql-root-password: s3cret}
                """);
        PodTestWorkloads.statefulSet(k, "mysql", 1, "mysql", stubs, Map.of("app.kubernetes.io/instance", "mysql-rel"),
                null);
        PodSettings stubsFirst = new PodSettings(Map.of(), Map.of(), Map.of("containers", List.of(Map.of(
                "name", "container", "env", List.of(Map.of("name", "PATH", "value", stubs + ":$(PATH)"))))),
                PodPolicy.NONE);
        Subject mysql = Subject.of("statefulset", "mysql", k.namespace());
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult backup = PodTestWorkloads.run(h, k, PodTestWorkloads.examplePhases(
                    "mysql/blueprint-v2/mysql-blueprint.yaml", "backup", List.of("dumpToStore"), t -> t),
                    "backup", mysql, Map.of(), stubsFirst, Cancellation.none());
            assertThat(backup.succeeded()).as(backup.error()).isTrue();
            String dump = Files.readString(store.resolve("dump.sql"));
            assertThat(dump).contains("-u root --password=s3cret -h mysql-rel --single-transaction --all-databases")
                    .contains("CREATE TABLE t (id int);");
            assertThat(Files.readString(store.resolve("profile")).trim()).isEqualTo("null");
            Artifact artifact = backup.artifacts().get("mysqlBackup");
            assertThat(artifact.kopiaSnapshot()).matches("snap-[0-9]+");

            // Kanister's fifo lives in the pod's emptyDir and goes with the pod; here it has to be removed
            Files.delete(fifo);
            ActionResult restore = PodTestWorkloads.run(h, k, PodTestWorkloads.examplePhases(
                    "mysql/blueprint-v2/mysql-blueprint.yaml", "restore", List.of("restoreFromStore"), t -> t),
                    "restore", mysql, Map.of("mysqlBackup", artifact), stubsFirst, Cancellation.none());
            assertThat(restore.succeeded()).as(restore.error()).isTrue();
            assertThat(store.resolve("restored.sql")).hasContent(dump.strip());
            assertThat(Files.readString(store.resolve("mysql-args"))).contains("-u root --password=s3cret -h mysql-rel");
            assertThat(Files.readString(store.resolve("pulled-snapshot")).trim()).isEqualTo(artifact.kopiaSnapshot());
        } finally {
            Files.deleteIfExists(fifo);
            PodTestWorkloads.deleteTree(store);
            PodTestWorkloads.deleteTree(stubs);
        }
    }
}
