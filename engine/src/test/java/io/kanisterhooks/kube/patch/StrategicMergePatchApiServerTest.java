package io.kanisterhooks.kube.patch;

import static io.kanisterhooks.kube.patch.YamlMaps.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.kube.JsonObjects;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1PodTemplate;
import io.kubernetes.client.util.PatchUtils;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The merge-list orders of {@link ElementOrderCases} as the local API server (Kubernetes 1.20) gives them, through the
 * Java client's PATCH with {@code application/strategic-merge-patch+json}: PodSpec lists on a PodTemplate (an object
 * no controller touches), ObjectMeta finalizers on a ConfigMap. The same inputs go through
 * {@link StrategicMergePatch}, which must agree.
 */
@ExtendWith(LocalClusterExtension.class)
class StrategicMergePatchApiServerTest {

    static final List<ElementOrderCases.Case> CASES = ElementOrderCases.CASES.stream()
            .filter(ElementOrderCases.Case::onApiServer).toList();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static KubeTestContext k;

    @BeforeAll
    static void namespace(KubeTestContext context) {
        k = context;
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void apiServerOrdersAsStrategicMergePatch(ElementOrderCases.Case c) throws Exception {
        List<String> ours = c.order(ElementOrderSlicesTest.apply(c));
        List<String> server = c.order(c.document() == ElementOrderCases.Document.POD_SPEC ? patchPodTemplate(c)
                : patchConfigMapMetadata(c));
        assertThat(server).as("API server").isEqualTo(c.expected());
        assertThat(ours).as("StrategicMergePatch").isEqualTo(server);
    }

    /** The patched {@code template.spec}. */
    private static Map<String, Object> patchPodTemplate(ElementOrderCases.Case c) throws ApiException {
        ApiClient client = k.apiClient();
        CoreV1Api core = k.coreV1();
        String name = "order-" + NAMES.incrementAndGet();
        core.createNamespacedPodTemplate(k.namespace(), client.getJSON().deserialize(JsonObjects.json(Map.of(
                "apiVersion", "v1", "kind", "PodTemplate", "metadata", Map.of("name", name),
                "template", Map.of("spec", map(c.original())))), V1PodTemplate.class)).execute();
        V1PodTemplate patched = PatchUtils.patch(V1PodTemplate.class, () -> core.patchNamespacedPodTemplate(name,
                k.namespace(), new V1Patch(JsonObjects.json(Map.of("template", Map.of("spec", map(c.patch()))))))
                .buildCall(null), V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH, client);
        return asMap(client, patched.getTemplate().getSpec());
    }

    /** The patched {@code metadata}; the finalizers are removed again so that the namespace can go. */
    private static Map<String, Object> patchConfigMapMetadata(ElementOrderCases.Case c) throws ApiException {
        ApiClient client = k.apiClient();
        CoreV1Api core = k.coreV1();
        String name = "order-" + NAMES.incrementAndGet();
        Map<String, Object> metadata = new LinkedHashMap<>(map(c.original()));
        metadata.put("name", name);
        core.createNamespacedConfigMap(k.namespace(), client.getJSON().deserialize(JsonObjects.json(Map.of(
                "apiVersion", "v1", "kind", "ConfigMap", "metadata", metadata)), V1ConfigMap.class)).execute();
        try {
            V1ConfigMap patched = PatchUtils.patch(V1ConfigMap.class, () -> core.patchNamespacedConfigMap(name,
                    k.namespace(), new V1Patch(JsonObjects.json(Map.of("metadata", map(c.patch()))))).buildCall(null),
                    V1Patch.PATCH_FORMAT_STRATEGIC_MERGE_PATCH, client);
            return asMap(client, patched.getMetadata());
        } finally {
            PatchUtils.patch(V1ConfigMap.class, () -> core.patchNamespacedConfigMap(name, k.namespace(),
                    new V1Patch("{\"metadata\":{\"finalizers\":null}}")).buildCall(null),
                    V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
        }
    }

    private static Map<String, Object> asMap(ApiClient client, Object model) {
        return JsonObjects.parse(client.getJSON().serialize(model));
    }
}
