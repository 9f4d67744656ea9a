package io.kanisterhooks.functions;

import static io.kanisterhooks.functions.ApiTestFixtures.apply;
import static io.kanisterhooks.functions.ApiTestFixtures.kubectl;
import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.action.ActionRequest;
import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.Subject;
import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.blueprint.ObjectReference;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.testing.ActionHarness;
import io.kanisterhooks.testing.SharedMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Whole actions of Kanister example blueprints, run as written (read from {@code ../shared} at test time): the parts an
 * operator or an object store would play are played by the test, through the API server or stub commands.
 */
@ExtendWith(LocalClusterExtension.class)
class ExampleActionsTest {

    private static final String K8SSANDRA = "k8ssandra/k8ssandra-blueprint.yaml";
    private static final String PGDUMP = "postgres-basic-pgdump/blueprint.yaml";

    /**
     * k8ssandra: backup creates a CassandraBackup and waits until the operator has set both {@code finishTime} and
     * {@code finished}; restore creates a CassandraRestore from the backup artifact, waits for {@code restoreKey} and
     * deletes it; delete removes the backup. The Wait conditions are the example's quoted form, where a missing field
     * is an evaluation error that keeps the wait going.
     */
    @Test
    void k8ssandraBackupRestoreDelete(KubeTestContext k) throws Exception {
        installMedusaCrds(k);
        apply(k, """
                apiVersion: cassandra.datastax.com/v1beta1
                kind: CassandraDatacenter
                metadata: {name: dc1}
                spec: {clusterName: demo}
                """);
        Blueprint bp = ActionHarness.blueprint(Files.readString(SharedMaterial.require(
                "kanister-examples/kanister/" + K8SSANDRA)));
        Subject dc = Subject.object("cassandra.datastax.com", "v1beta1", "cassandradatacenters", "dc1", k.namespace());
        try (ActionHarness h = new ActionHarness(k)) {
            CompletableFuture<Instant> backupFinished = CompletableFuture.supplyAsync(() -> operator(k,
                    "cassandrabackups", "{\"finishTime\": \"2026-01-01T00:00:00Z\"}",
                    "{\"finished\": [\"dc1-rack1-sts-0\"]}"));
            ActionResult backup = h.run(bp, "backup", dc, Map.of(), Map.of(),
                    Cancellation.after(Duration.ofMinutes(2)));
            assertThat(backup.succeeded()).as(backup.error()).isTrue();
            Instant finishedSet = backupFinished.get(30, TimeUnit.SECONDS);
            assertThat(backup.phases().get(1).finished()).as("the wait ends only once `finished` is set")
                    .isAfterOrEqualTo(finishedSet);
            Map<String, String> info = backup.artifacts().get("backupInfo").keyValue();
            assertThat(info).containsEntry("apiVersion", "v1alpha1").containsEntry("group", "cassandra.k8ssandra.io")
                    .containsEntry("resource", "cassandrabackups").containsEntry("namespace", k.namespace());
            String name = info.get("name");
            assertThat(name).matches("kanister-demo-dc1-\\d{4}-\\d{2}-\\d{2}t\\d{2}-\\d{2}-\\d{2}");
            assertThat(kubectl(k, "get", "cassandrabackups", name, "-o", "jsonpath={.spec.cassandraDatacenter}")
                    .stdout()).isEqualTo("dc1");

            CompletableFuture<Instant> restoreFinished = CompletableFuture.supplyAsync(() -> operator(k,
                    "cassandrarestores", "{\"finishTime\": \"2026-01-01T00:00:00Z\"}", "{\"restoreKey\": \"k-1\"}"));
            Map<String, Artifact> in = Map.of("backupInfo", backup.artifacts().get("backupInfo"));
            ActionResult restore = h.run(bp, "restore", dc, Map.of(), in, Cancellation.after(Duration.ofMinutes(2)));
            assertThat(restore.succeeded()).as(restore.error()).isTrue();
            assertThat(restore.phases().get(1).finished()).isAfterOrEqualTo(restoreFinished.get(30, TimeUnit.SECONDS));
            Map<String, Object> created = restore.phases().get(0).output();
            assertThat(created).containsEntry("name", "restore-" + name).containsEntry("resource", "cassandrarestores");
            assertThat(restore.phases().get(2).output()).containsEntry("name", "restore-" + name);
            assertThat(kubectl(k, "get", "cassandrarestores", "-o", "name").stdout()).as("deleted by the last phase")
                    .isBlank();

            ActionResult delete = h.run(bp, "delete", dc, Map.of(), in, Cancellation.after(Duration.ofMinutes(2)));
            assertThat(delete.succeeded()).as(delete.error()).isTrue();
            assertThat(kubectl(k, "get", "cassandrabackups", "-o", "name").stdout()).isBlank();
        }
    }

    /**
     * postgres-basic-pgdump: KubeTask pods in the application's namespace run pg_dumpall and copy the dump to a bucket,
     * then copy it back and feed it to psql. The bucket, pg_dumpall, psql and aws are stubs first on the PATH of the
     * job pods (a run-level override of the container {@code container}); secrets and the bucket come from the
     * example's Secrets and ConfigMap, the artifact path from {@code .Time}.
     */
    @Test
    void postgresBasicPgdumpBackupAndRestore(KubeTestContext k) throws Exception {
        Path bucket = Files.createTempDirectory("kh-bucket");
        Path stubs = PodTestWorkloads.stubs(Map.of(
                // aws s3 cp SRC DST, where one side is s3://bucket/KEY: the key is kept flattened in the bucket dir
                "aws", """
                        [ "$1 $2" = "s3 cp" ] || exit 2
                        key() { echo "$1" | sed 's|^s3://||; s|/|_|g'; }
                        case "$3" in
                          s3://*) cp "%1$s/$(key "$3")" "$4";;
                          *) echo "$AWS_ACCESS_KEY_ID" > "%1$s/key-id"; cp "$3" "%1$s/$(key "$4")";;
                        esac""".formatted(bucket),
                "pg_dumpall", """
                        [ "$*" = "-U postgres -c -f backup.tar" ] || exit 3
                        echo "-- all databases, password $PGPASSWORD" > backup.tar""",
                "psql", "echo \"$*\" > " + bucket + "/psql-args; cp backup.tar " + bucket + "/restored.sql"));
        try (ActionHarness h = new ActionHarness(k)) {
            apply(k, """
                    apiVersion: v1
                    kind: Secret
                    metadata: {name: aws}
                    stringData: {aws_access_key_id: AKIDEXAMPLE, aws_secret_access_key: wJalrXUtnFEMI}
                    ---
                    apiVersion: v1
                    kind: Secret
                    metadata: {name: postgres}
                    stringData: {password_superuser: pg-s3cret}
                    ---
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: location}
                    data: {bucket: "s3://backups-bucket"}
                    """);
            apply(k, ApiTestFixtures.statefulSet("pg-db", 1));
            ApiTestFixtures.awaitRollout(k, "statefulset/pg-db");
            Blueprint bp = ActionHarness.blueprint(Files.readString(SharedMaterial.require(
                    "kanister-examples/kanister/" + PGDUMP)));
            PodSettings stubsFirst = new PodSettings(Map.of(), Map.of(), Map.of("containers", List.of(Map.of(
                    "name", "container", "env", List.of(Map.of("name", "PATH", "value", stubs + ":$(PATH)"))))),
                    PodPolicy.NONE);
            Subject db = Subject.of("statefulset", "pg-db", k.namespace());

            String ns = k.namespace();
            Map<String, ObjectReference> secrets = Map.of("aws", secret(ns, "aws"), "postgres", secret(ns, "postgres"));
            Map<String, ObjectReference> configMaps = Map.of("location",
                    new ObjectReference("v1", "", "configmaps", "", "location", ns));
            ActionResult backup = h.run(new ActionRequest(bp, "backup", db, Map.of(), Map.of(), stubsFirst, ns, secrets,
                    configMaps), Cancellation.after(Duration.ofMinutes(2)));
            assertThat(backup.succeeded()).as(backup.error()).isTrue();
            String path = backup.artifacts().get("cloudObject").keyValue().get("path");
            assertThat(path).matches("s3://backups-bucket/backups/" + k.namespace()
                    + "/pg-db/\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}/pg_backup.tar");
            Path stored = bucket.resolve(path.substring("s3://".length()).replace('/', '_'));
            assertThat(stored).hasContent("-- all databases, password pg-s3cret");
            assertThat(bucket.resolve("key-id")).hasContent("AKIDEXAMPLE");

            ActionResult restore = h.run(new ActionRequest(bp, "restore", db, Map.of(), Map.of("cloudObject",
                    backup.artifacts().get("cloudObject")), stubsFirst, ns, secrets, Map.of()),
                    Cancellation.after(Duration.ofMinutes(2)));
            assertThat(restore.succeeded()).as(restore.error()).isTrue();
            assertThat(bucket.resolve("restored.sql")).hasSameTextualContentAs(stored);
            assertThat(bucket.resolve("psql-args")).hasContent("-U postgres -f backup.tar postgres");
        } finally {
            PodTestWorkloads.deleteTree(bucket);
            PodTestWorkloads.deleteTree(stubs);
        }
    }

    private static ObjectReference secret(String namespace, String name) {
        return new ObjectReference("v1", "", "secrets", "", name, namespace);
    }

    /** The CRDs of the k8ssandra example's objects, schema-less (the test plays their operator). */
    private static void installMedusaCrds(KubeTestContext k) {
        StringBuilder crds = new StringBuilder();
        for (String[] c : List.of(
                new String[] {"cassandra.datastax.com", "v1beta1", "CassandraDatacenter", "cassandradatacenters"},
                new String[] {"cassandra.k8ssandra.io", "v1alpha1", "CassandraBackup", "cassandrabackups"},
                new String[] {"cassandra.k8ssandra.io", "v1alpha1", "CassandraRestore", "cassandrarestores"})) {
            crds.append("""
                    apiVersion: apiextensions.k8s.io/v1
                    kind: CustomResourceDefinition
                    metadata: {name: %4$s.%1$s}
                    spec:
                      group: %1$s
                      scope: Namespaced
                      names: {plural: %4$s, kind: %3$s}
                      versions:
                      - name: %2$s
                        served: true
                        storage: true
                        schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                    ---
                    """.formatted((Object[]) c));
        }
        apply(k, crds.toString());
        kubectl(k, "wait", "--for=condition=established", "--timeout=60s",
                "crd/cassandradatacenters.cassandra.datastax.com", "crd/cassandrabackups.cassandra.k8ssandra.io",
                "crd/cassandrarestores.cassandra.k8ssandra.io");
    }

    /**
     * The operator's part: waits for the one object of {@code resource} in the namespace, sets the first status field,
     * pauses so a wait that ended early would show, then sets the second; returns when the second was set.
     */
    private static Instant operator(KubeTestContext k, String resource, String firstStatus, String secondStatus) {
        String name = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (name.isEmpty() && System.nanoTime() < deadline) {
            name = k.kubectl("get", resource, "-o", "jsonpath={.items[*].metadata.name}").stdout().trim();
            sleep(50);
        }
        assertThat(name).as("a %s was created", resource).isNotEmpty();
        kubectl(k, "patch", resource, name, "--type=merge", "-p", "{\"status\": " + firstStatus + "}");
        sleep(500);
        Instant set = Instant.now();
        kubectl(k, "patch", resource, name, "--type=merge", "-p", "{\"status\": " + secondStatus + "}");
        return set;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
