package io.kanisterhooks.functions;

import static io.kanisterhooks.functions.ApiTestFixtures.apply;
import static io.kanisterhooks.functions.ApiTestFixtures.blueprint;
import static io.kanisterhooks.functions.ApiTestFixtures.kubectl;
import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.Subject;
import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.kube.JsonObjects;
import io.kanisterhooks.testing.ActionHarness;
import io.kanisterhooks.testing.SharedMaterial;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CSI snapshot functions on the local cluster, whose simulated snapshot controller binds snapshots of PVCs at
 * once, reports a missing class in {@code status.error}, and deletes the content of a deleted snapshot.
 */
@ExtendWith(LocalClusterExtension.class)
class CsiTest {

    private static final String DRIVER = "local-hostpath.kanister-hooks.io";

    private static String snapshotClass(KubeTestContext k, String name, String deletionPolicy) {
        k.installSnapshotCrds();
        apply(k, """
                apiVersion: snapshot.storage.k8s.io/v1
                kind: VolumeSnapshotClass
                metadata: {name: %s}
                driver: %s
                deletionPolicy: %s
                """.formatted(name, DRIVER, deletionPolicy));
        return name;
    }

    private static void pvc(KubeTestContext k, String name, String storageClass) {
        apply(k, """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: %s}
                spec:
                  storageClassName: %s
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
                """.formatted(name, storageClass));
    }

    private static Map<String, Object> object(KubeTestContext k, String... getArgs) {
        String[] args = new String[getArgs.length + 2];
        System.arraycopy(getArgs, 0, args, 1, getArgs.length);
        args[0] = "get";
        args[args.length - 1] = "-ojson";
        return JsonObjects.parse(kubectl(k, args).stdout());
    }

    /** Snapshot a PVC, restore it into a new PVC, delete the snapshot: one action, outputs passed on by templates. */
    @Test
    void roundTrip(KubeTestContext k) throws Exception {
        String vsClass = snapshotClass(k, k.namespace() + "-vsc", "Delete");
        pvc(k, "data", "standard");
        String phases = """
                - func: CreateCSISnapshot
                  name: snap
                  args:
                    pvc: data
                    namespace: %1$s
                    snapshotClass: %2$s
                    labels: {App.Name: 'My App!', team: Storage}
                - func: RestoreCSISnapshot
                  name: restore
                  args:
                    name: '{{ .Phases.snap.Output.name }}'
                    pvc: restored
                    namespace: '{{ .Phases.snap.Output.namespace }}'
                    storageClass: standard
                    restoreSize: '{{ .Phases.snap.Output.restoreSize }}'
                    labels: {restored: 'yes'}
                - func: DeleteCSISnapshot
                  name: delete
                  args:
                    name: '{{ .Phases.snap.Output.name }}'
                    namespace: %1$s
                """.formatted(k.namespace(), vsClass);
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(phases), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
            Map<String, Object> out = r.phases().get(0).output();
            assertThat(out).containsOnlyKeys("name", "pvc", "namespace", "restoreSize", "snapshotContent")
                    .containsEntry("pvc", "data").containsEntry("namespace", k.namespace())
                    .containsEntry("restoreSize", "1Gi");
            assertThat((String) out.get("name")).matches("data-snapshot-[bcdfghjklmnpqrstvwxz2456789]{5}");
            assertThat((String) out.get("snapshotContent")).startsWith("snapcontent-");
            assertThat(r.phases().get(1).output()).isEmpty();
            assertThat(r.phases().get(2).output()).isEmpty();

            V1PersistentVolumeClaim restored = k.coreV1().readNamespacedPersistentVolumeClaim("restored",
                    k.namespace()).execute();
            assertThat(restored.getSpec().getDataSource().getKind()).isEqualTo("VolumeSnapshot");
            assertThat(restored.getSpec().getDataSource().getApiGroup()).isEqualTo("snapshot.storage.k8s.io");
            assertThat(restored.getSpec().getDataSource().getName()).isEqualTo(out.get("name"));
            assertThat(restored.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
            assertThat(restored.getSpec().getVolumeMode()).isEqualTo("Filesystem");
            assertThat(restored.getSpec().getStorageClassName()).isEqualTo("standard");
            assertThat(restored.getSpec().getResources().getRequests().get("storage").toSuffixedString())
                    .isEqualTo("1Gi");
            assertThat(restored.getMetadata().getLabels()).containsEntry("restored", "yes");
            assertThat(k.kubectl("get", "volumesnapshot", (String) out.get("name")).stderr()).contains("not found");
        }
    }

    @Test
    void labelsAreSanitizedAndTheNameCanBeGiven(KubeTestContext k) {
        String vsClass = snapshotClass(k, k.namespace() + "-vsc", "Delete");
        pvc(k, "data", "standard");
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint("""
                    - func: CreateCSISnapshot
                      name: snap
                      args: {pvc: data, namespace: %s, snapshotClass: %s, name: mine,
                             labels: {App.Name: 'My App!', team: Storage}}
                    """.formatted(k.namespace(), vsClass)), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases().get(0).output()).containsEntry("name", "mine");
        }
        assertThat(object(k, "volumesnapshot", "mine")).extracting(o -> JsonObjects.path(o, "metadata", "labels"))
                .isEqualTo(Map.of("app_name", "my_app", "team", "storage"));
    }

    @Test
    void sanitizeForGcpAsKanister() {
        Map<String, String> cases = Map.of(
                "abcd", "abcd",
                "kasten__snapshot-wordpress-on-rbd-ceph-ns-2021-04-15t18-11-27z-abcd",
                "kasten__snapshot-wordpress-on-rbd-ceph-ns-2021-04-15t18-11-27z",
                "kasten__snapshot-wordpress-on-rbd-ceph-ns-", "kasten__snapshot-wordpress-on-rbd-ceph-ns",
                "kasten__snapshot-wordpress-on-rbd-ceph-ns---", "kasten__snapshot-wordpress-on-rbd-ceph-ns",
                "kasten__snapshot-wordpress! ?*()", "kasten__snapshot-wordpress",
                "kasten__snapshot-wordpress-on-rbd-ceph-ns-__", "kasten__snapshot-wordpress-on-rbd-ceph-ns",
                "kasten__snapshot-wordpress-on-rbd-ceph-ns__--", "kasten__snapshot-wordpress-on-rbd-ceph-ns",
                "ALLCAPS", "allcaps",
                "Ünïcode-\u212Aelvin", "_n_code-kelvin",
                "x".repeat(62) + "é", "x".repeat(62));
        cases.forEach((in, out) -> assertThat(CsiSnapshots.sanitizeForGcp(in)).as(in).isEqualTo(out));
    }

    @Test
    void failures(KubeTestContext k) {
        String vsClass = snapshotClass(k, k.namespace() + "-vsc", "Delete");
        pvc(k, "data", "standard");
        String create = """
                - func: CreateCSISnapshot
                  name: snap
                  args: {pvc: %s, namespace: %s, snapshotClass: %s}
                """;
        try (ActionHarness h = new ActionHarness(k)) {
            assertThat(h.run(blueprint(create.formatted("nope", k.namespace(), vsClass)), "run").error())
                    .isEqualTo("Failed to find PVC " + k.namespace() + "/nope");
            // the snapshot controller reports the missing class in status.error
            assertThat(h.run(blueprint(create.formatted("data", k.namespace(), "no-such-class")), "run").error())
                    .isEqualTo("volumesnapshotclass \"no-such-class\" not found");
            assertThat(h.run(blueprint("""
                    - func: CreateCSISnapshotStatic
                      name: static
                      args: {name: s, namespace: %s, driver: d, snapshotHandle: h, snapshotClass: no-such-class}
                    """.formatted(k.namespace())), "run").error())
                    .isEqualTo("Failed to get DeletionPolicy from VolumeSnapshotClass: Failed to find "
                            + "VolumeSnapshotClass: volumesnapshotclasses.snapshot.storage.k8s.io \"no-such-class\" "
                            + "not found");
            String restore = """
                    - func: RestoreCSISnapshot
                      name: restore
                      args: {name: s, pvc: p, namespace: %s, storageClass: standard, restoreSize: '%s'%s}
                    """;
            assertThat(h.run(blueprint(restore.formatted(k.namespace(), "0", "")), "run").error())
                    .isEqualTo("Failed to restore CSI snapshot. restoreSize argument cannot be zero");
            assertThat(h.run(blueprint(restore.formatted(k.namespace(), "lots", "")), "run").error())
                    .startsWith("quantities must match the regular expression");
            assertThat(h.run(blueprint(restore.formatted(k.namespace(), "1Gi", ", accessModes: [ReadWriteSome]")),
                    "run").error()).isEqualTo("Given accessMode ReadWriteSome is invalid");
            assertThat(h.run(blueprint(restore.formatted(k.namespace(), "1Gi", ", volumeMode: Chunky")),
                    "run").error()).isEqualTo("Given volumeMode Chunky is invalid");
            assertThat(h.run(blueprint(restore.formatted(k.namespace(), "1Gi", ", accessModes: ReadOnlyMany, "
                    + "volumeMode: Block")), "run").succeeded()).isTrue();
            assertThat(h.run(blueprint(restore.formatted(k.namespace(), "1Gi", "")), "run").error())
                    .endsWith("persistentvolumeclaims \"p\" already exists");
        }
        assertThat(object(k, "pvc", "p")).extracting(o -> JsonObjects.path(o, "spec", "accessModes"),
                o -> JsonObjects.path(o, "spec", "volumeMode")).containsExactly(java.util.List.of("ReadOnlyMany"),
                "Block");
    }

    /** A pre-provisioned snapshot, then its deletion; the Retain policy keeps the content until it is deleted too. */
    @Test
    @SuppressWarnings("unchecked")
    void staticSnapshotAndItsContent(KubeTestContext k) {
        String vsClass = snapshotClass(k, k.namespace() + "-retain", "Retain");
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint("""
                    - func: CreateCSISnapshotStatic
                      name: static
                      args: {name: imported, namespace: %s, driver: %s, snapshotHandle: handle-1, snapshotClass: %s}
                    - func: DeleteCSISnapshot
                      name: delete
                      args: {name: imported, namespace: %s}
                    """.formatted(k.namespace(), DRIVER, vsClass, k.namespace())), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
            Map<String, Object> out = r.phases().get(0).output();
            assertThat(out).containsOnlyKeys("name", "namespace", "restoreSize", "snapshotContent")
                    .containsEntry("name", "imported").containsEntry("namespace", k.namespace())
                    // the content has no restore size (no CSI driver reported one); Go prints the nil Quantity so
                    .containsEntry("restoreSize", "<nil>");
            String content = (String) out.get("snapshotContent");
            assertThat(content).matches("imported-content-[0-9a-f-]{36}");
            Map<String, Object> spec = (Map<String, Object>) object(k, "volumesnapshotcontent", content).get("spec");
            assertThat(spec).containsEntry("deletionPolicy", "Retain").containsEntry("driver", DRIVER)
                    .containsEntry("source", Map.of("snapshotHandle", "handle-1"))
                    .containsEntry("volumeSnapshotClassName", vsClass)
                    .containsEntry("volumeSnapshotRef", Map.of("kind", "VolumeSnapshot", "name", "imported",
                            "namespace", k.namespace()));

            ActionResult del = h.run(blueprint("""
                    - func: DeleteCSISnapshotContent
                      name: content
                      args: {name: %s}
                    - func: DeleteCSISnapshotContent
                      name: again
                      args: {name: %s}
                    - func: DeleteCSISnapshot
                      name: absent
                      args: {name: imported, namespace: %s}
                    """.formatted(content, content, k.namespace())), "run");
            assertThat(del.succeeded()).as(del.error()).isTrue();
            assertThat(k.kubectl("get", "volumesnapshotcontent", content).stderr()).contains("not found");
        }
    }

    /**
     * Kanister's csi-snapshot example blueprint, all three actions, on a Deployment with a PVC: backup snapshots the
     * PVC; restore scales down, deletes the PVC (KubeOps), recreates it from the snapshot and scales up; delete
     * removes the snapshot. The example's class names are created here.
     */
    @Test
    void csiSnapshotExampleBlueprint(KubeTestContext k) throws Exception {
        snapshotClass(k, "do-block-storage", "Delete");
        apply(k, """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: do-block-storage}
                provisioner: %s
                """.formatted(DRIVER));
        pvc(k, "data", "do-block-storage");
        apply(k, ApiTestFixtures.deployment("app", 1).replace("containers: [{name: main, image: busybox}]",
                "containers: [{name: main, image: busybox}]\n      volumes: [{name: data, persistentVolumeClaim: "
                        + "{claimName: data}}]"));
        ApiTestFixtures.awaitRollout(k, "deployment/app");
        Blueprint bp = ActionHarness.blueprint(Files.readString(SharedMaterial.require(
                "kanister-examples/kanister/csi-snapshot/csi-snapshot-blueprint.yaml")));
        Subject app = Subject.of("deployment", "app", k.namespace());
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult backup = h.run(bp, "backup", app, Map.of(), Map.of(), Cancellation.none());
            assertThat(backup.succeeded()).as(backup.error()).isTrue();
            Artifact info = backup.artifacts().get("snapshotInfo");
            assertThat(info.keyValue()).containsEntry("pvc", "data").containsEntry("namespace", k.namespace())
                    .containsEntry("restoreSize", "1Gi");
            String oldUid = k.coreV1().readNamespacedPersistentVolumeClaim("data", k.namespace()).execute()
                    .getMetadata().getUid();

            ActionResult restore = h.run(bp, "restore", app, Map.of(), Map.of("snapshotInfo", info),
                    Cancellation.none());
            assertThat(restore.succeeded()).as(restore.error()).isTrue();
            V1PersistentVolumeClaim claim = k.coreV1().readNamespacedPersistentVolumeClaim("data", k.namespace())
                    .execute();
            assertThat(claim.getMetadata().getUid()).isNotEqualTo(oldUid);
            assertThat(claim.getSpec().getDataSource().getName()).isEqualTo(info.keyValue().get("name"));
            assertThat(kubectl(k, "get", "deployment", "app", "-o", "jsonpath={.status.readyReplicas}").stdout())
                    .isEqualTo("1");

            ActionResult delete = h.run(bp, "delete", app, Map.of(), Map.of("snapshotInfo", info),
                    Cancellation.none());
            assertThat(delete.succeeded()).as(delete.error()).isTrue();
            assertThat(k.kubectl("get", "volumesnapshot", info.keyValue().get("name")).stderr())
                    .contains("not found");
        }
    }
}
