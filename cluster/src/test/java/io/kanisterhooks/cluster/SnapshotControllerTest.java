package io.kanisterhooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimSpec;
import io.kubernetes.client.openapi.models.V1VolumeResourceRequirements;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalClusterExtension.class)
class SnapshotControllerTest {
    private static final String GROUP = "snapshot.storage.k8s.io";
    private static final Gson GSON = new Gson();

    @Test
    void snapshotOfAClaimBecomesReadyWithABoundContent(KubeTestContext k8s) throws Exception {
        k8s.installSnapshotCrds();
        String ns = k8s.namespace();
        k8s.coreV1().createNamespacedPersistentVolumeClaim(ns, new V1PersistentVolumeClaim()
                .metadata(new V1ObjectMeta().name("data"))
                .spec(new V1PersistentVolumeClaimSpec().accessModes(List.of("ReadWriteOnce"))
                        .resources(new V1VolumeResourceRequirements()
                                .requests(Map.of("storage", Quantity.fromString("2Gi"))))))
                .execute();
        CustomObjectsApi objects = new CustomObjectsApi(k8s.apiClient());

        objects.createNamespacedCustomObject(GROUP, "v1", ns, "volumesnapshots", snapshot("snap", "data")).execute();
        JsonObject status =
                awaitStatus(objects, ns, "snap", s -> s.has("readyToUse") && s.get("readyToUse").getAsBoolean());

        assertThat(status.get("restoreSize").getAsString()).isEqualTo("2Gi");
        assertThat(status.get("creationTime").getAsString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        String contentName = status.get("boundVolumeSnapshotContentName").getAsString();
        JsonObject content = GSON.toJsonTree(objects.getClusterCustomObject(GROUP, "v1", "volumesnapshotcontents",
                contentName).execute()).getAsJsonObject();
        assertThat(content.getAsJsonObject("spec").getAsJsonObject("volumeSnapshotRef").get("name").getAsString())
                .isEqualTo("snap");
        assertThat(content.getAsJsonObject("status").get("readyToUse").getAsBoolean()).isTrue();
        assertThat(content.getAsJsonObject("status").get("restoreSize").getAsLong()).isEqualTo(2L << 30);
    }

    @Test
    void snapshotOfAMissingClaimReportsAnError(KubeTestContext k8s) throws Exception {
        k8s.installSnapshotCrds();
        CustomObjectsApi objects = new CustomObjectsApi(k8s.apiClient());

        objects.createNamespacedCustomObject(GROUP, "v1", k8s.namespace(), "volumesnapshots",
                snapshot("lost", "nothing"))
                .execute();
        JsonObject status = awaitStatus(objects, k8s.namespace(), "lost", s -> s.has("error"));

        assertThat(status.get("readyToUse").getAsBoolean()).isFalse();
        assertThat(status.getAsJsonObject("error").get("message").getAsString()).contains("\"nothing\" not found");
    }

    private static Map<String, Object> snapshot(String name, String claim) {
        return Map.of("apiVersion", GROUP + "/v1", "kind", "VolumeSnapshot", "metadata", Map.of("name", name),
                "spec", Map.of("source", Map.of("persistentVolumeClaimName", claim)));
    }

    private static JsonObject awaitStatus(CustomObjectsApi objects, String ns, String name, Predicate<JsonObject> done)
            throws Exception {
        JsonObject snapshot = null;
        for (int i = 0; i < 300; i++) {
            snapshot = GSON.toJsonTree(objects.getNamespacedCustomObject(GROUP, "v1", ns, "volumesnapshots", name)
                    .execute())
                    .getAsJsonObject();
            if (snapshot.has("status") && done.test(snapshot.getAsJsonObject("status"))) {
                return snapshot.getAsJsonObject("status");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("snapshot " + name + " did not reach the expected status: " + snapshot);
    }
}
