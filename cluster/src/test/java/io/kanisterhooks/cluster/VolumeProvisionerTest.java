package io.kanisterhooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolume;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimSpec;
import io.kubernetes.client.openapi.models.V1VolumeResourceRequirements;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalClusterExtension.class)
class VolumeProvisionerTest {
    @Test
    void claimGetsAHostPathVolumeOfTheDefaultClassThatGoesWithIt(KubeTestContext k8s) throws Exception {
        k8s.coreV1().createNamespacedPersistentVolumeClaim(k8s.namespace(), new V1PersistentVolumeClaim()
                .metadata(new V1ObjectMeta().name("claim"))
                .spec(new V1PersistentVolumeClaimSpec().accessModes(List.of("ReadWriteOnce"))
                        .resources(new V1VolumeResourceRequirements()
                                .requests(Map.of("storage", Quantity.fromString("3Gi"))))))
                .execute();

        V1PersistentVolumeClaim bound = awaitBound(k8s);
        V1PersistentVolume volume = k8s.coreV1().readPersistentVolume(bound.getSpec().getVolumeName()).execute();

        assertThat(bound.getSpec().getStorageClassName()).isEqualTo("standard");
        assertThat(bound.getStatus().getCapacity()).containsEntry("storage", Quantity.fromString("3Gi"));
        assertThat(Path.of(volume.getSpec().getHostPath().getPath())).isDirectory()
                .startsWith(k8s.cluster().dir().volumes());

        k8s.coreV1().deleteNamespacedPersistentVolumeClaim("claim", k8s.namespace()).execute();

        assertThat(awaitVolumeGone(k8s, volume.getMetadata().getName())).isTrue();
        assertThat(Path.of(volume.getSpec().getHostPath().getPath())).doesNotExist();
    }

    private static V1PersistentVolumeClaim awaitBound(KubeTestContext k8s) throws Exception {
        V1PersistentVolumeClaim claim = null;
        for (int i = 0; i < 300; i++) {
            claim = k8s.coreV1().readNamespacedPersistentVolumeClaim("claim", k8s.namespace()).execute();
            if (claim.getStatus() != null && "Bound".equals(claim.getStatus().getPhase())) {
                return claim;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("claim not bound: " + claim.getStatus());
    }

    private static boolean awaitVolumeGone(KubeTestContext k8s, String name) throws Exception {
        for (int i = 0; i < 300; i++) {
            try {
                k8s.coreV1().readPersistentVolume(name).execute();
            } catch (ApiException e) {
                if (e.getCode() == 404) {
                    return true;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }
}
