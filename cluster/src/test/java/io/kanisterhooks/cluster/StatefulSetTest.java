package io.kanisterhooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimSpec;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1StatefulSetSpec;
import io.kubernetes.client.openapi.models.V1VolumeResourceRequirements;
import io.kubernetes.client.util.PatchUtils;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalClusterExtension.class)
class StatefulSetTest {
    @Test
    void statefulSetWithVolumeClaimsBecomesReadyScalesToZeroAndBack(KubeTestContext k8s) throws Exception {
        AppsV1Api apps = new AppsV1Api(k8s.apiClient());
        Map<String, String> labels = Map.of("app", "db");
        apps.createNamespacedStatefulSet(k8s.namespace(), new V1StatefulSet()
                .metadata(new V1ObjectMeta().name("db"))
                .spec(new V1StatefulSetSpec()
                        .serviceName("db")
                        .replicas(2)
                        .selector(new V1LabelSelector().matchLabels(labels))
                        .template(new V1PodTemplateSpec().metadata(new V1ObjectMeta().labels(labels))
                                .spec(new V1PodSpec()
                                        .containers(List.of(new V1Container().name("db").image("busybox")))))
                        .volumeClaimTemplates(List.of(new V1PersistentVolumeClaim()
                                .metadata(new V1ObjectMeta().name("data"))
                                .spec(new V1PersistentVolumeClaimSpec().accessModes(List.of("ReadWriteOnce"))
                                        .resources(new V1VolumeResourceRequirements()
                                                .requests(Map.of("storage", Quantity.fromString("1Gi")))))))))
                                                .execute();

        V1StatefulSet ready =
                await(apps, k8s, s -> s.getStatus() != null && Integer.valueOf(2)
                .equals(s.getStatus().getReadyReplicas()));
        assertThat(ready.getStatus().getReadyReplicas()).isEqualTo(2);
        assertThat(k8s.coreV1().listNamespacedPersistentVolumeClaim(k8s.namespace()).execute().getItems())
                .extracting(c -> c.getStatus().getPhase()).containsExactly("Bound", "Bound");

        scale(apps, k8s, 0);
        V1StatefulSet empty = await(apps, k8s, s -> s.getStatus().getReplicas() == 0
                && k8s.coreV1().listNamespacedPod(k8s.namespace()).execute().getItems().isEmpty());
        assertThat(empty.getStatus().getReplicas()).isZero();

        scale(apps, k8s, 2);
        V1StatefulSet back = await(apps, k8s, s -> Integer.valueOf(2).equals(s.getStatus().getReadyReplicas()));
        assertThat(back.getStatus().getReadyReplicas()).isEqualTo(2);
    }

    private static void scale(AppsV1Api apps, KubeTestContext k8s, int replicas) throws Exception {
        PatchUtils.patch(V1StatefulSet.class, () -> apps.patchNamespacedStatefulSet("db", k8s.namespace(),
                        new V1Patch("{\"spec\":{\"replicas\":" + replicas + "}}")).buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, k8s.apiClient());
    }

    private interface Check {
        boolean test(V1StatefulSet set) throws Exception;
    }

    private static V1StatefulSet await(AppsV1Api apps, KubeTestContext k8s, Check check) throws Exception {
        V1StatefulSet set = null;
        for (int i = 0; i < 600; i++) {
            set = apps.readNamespacedStatefulSet("db", k8s.namespace()).execute();
            if (set.getStatus() != null && check.test(set)) {
                return set;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("statefulset did not reach the expected state: "
                + (set == null ? null : set.getStatus()));
    }
}
