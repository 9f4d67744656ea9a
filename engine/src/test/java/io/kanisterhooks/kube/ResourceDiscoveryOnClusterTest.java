package io.kanisterhooks.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Discovery right after a CRD is reported Established: the API server's discovery document of the new group can still
 * be missing then (404 in about 1 of 6 tries on the local cluster), and a lookup in that moment must still find the
 * kind, as a phase that waited for its CRD and then creates an object of it needs.
 */
@ExtendWith(LocalClusterExtension.class)
class ResourceDiscoveryOnClusterTest {

    private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    @Test
    void aKindOfACrdJustEstablishedIsFoundAndAnUnknownOneIsNot(KubeTestContext k) throws Exception {
        try (Kube kube = new Kube(KubeClients.connect(new KubeConfigSource(k.kubeconfig(), null, Map.of(),
                Path.of("/nonexistent"))))) {
            for (int i = 0; i < 20; i++) {
                String group = "g" + i + "." + k.namespace() + ".example.com";
                kube.send("POST", CRDS, crd(group), "application/json", "create CRD");
                try {
                    awaitEstablished(kube, "gizmos." + group);
                    assertThat(kube.discovery().forKind(group + "/v1", "Gizmo")).as(group).hasValueSatisfying(r -> {
                        assertThat(r.resource()).isEqualTo("gizmos");
                        assertThat(r.namespaced()).isTrue();
                    });
                    if (i == 0) {
                        assertThat(kube.discovery().forKind(group + "/v1", "Gadget")).isEmpty();
                        assertThat(kube.discovery().forKind("v1", "Gadget")).isEmpty();
                    }
                } finally {
                    kube.send("DELETE", CRDS + "/gizmos." + group, null, null, "delete CRD");
                }
            }
        }
    }

    private static String crd(String group) {
        return """
                {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
                 "metadata": {"name": "gizmos.%1$s"},
                 "spec": {"group": "%1$s", "scope": "Namespaced",
                          "names": {"plural": "gizmos", "singular": "gizmo", "kind": "Gizmo"},
                          "versions": [{"name": "v1", "served": true, "storage": true,
                                        "schema": {"openAPIV3Schema": {"type": "object"}}}]}}
                """.formatted(group);
    }

    /**
     * Polls the CRD, without pausing, until its Established condition is True: the first moment a watch (WaitV2 in a
     * blueprint) could see it, which is when discovery lags.
     */
    private static void awaitEstablished(Kube kube, String name) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Map<String, Object> crd = kube.request("GET", CRDS + "/" + name, null, null, "get CRD");
            if (crd.get("status") instanceof Map<?, ?> status && status.get("conditions") instanceof List<?> conditions
                    && conditions.stream().anyMatch(c -> c instanceof Map<?, ?> m
                            && "Established".equals(m.get("type")) && "True".equals(m.get("status")))) {
                return;
            }
        }
        throw new AssertionError("CRD " + name + " was not established");
    }
}
