package io.kanisterhooks.cluster.kubelet;

import com.google.gson.Gson;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.PatchUtils;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Registers the simulated node: Ready, reachable at 127.0.0.1 on the simulator's HTTPS port, with generous capacity,
 * and without the {@code not-ready} taint that admission puts on new nodes (no node lifecycle controller runs to lift
 * it).
 */
final class NodeRegistration {
    private static final Map<String, String> CAPACITY =
            Map.of("cpu", "64", "memory", "256Gi", "pods", "1000", "ephemeral-storage", "1Ti");

    private NodeRegistration() {}

    static void register(ApiClient client, String nodeName, int kubeletPort) throws ApiException {
        CoreV1Api api = new CoreV1Api(client);
        Map<String, String> labels = Map.of(
                "kubernetes.io/hostname", nodeName, "kubernetes.io/os", "linux", "kubernetes.io/arch", "amd64",
                "beta.kubernetes.io/os", "linux", "beta.kubernetes.io/arch", "amd64");
        api.createNode(new V1Node().metadata(new V1ObjectMeta().name(nodeName).labels(labels))).execute();
        String now = Times.format(Instant.now());
        Map<String, Object> status = Map.of(
                "capacity", CAPACITY,
                "allocatable", CAPACITY,
                "conditions", List.of(
                        condition("Ready", "True", "KubeletReady", "kubelet simulator is posting ready status", now),
                        condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "", now),
                        condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "", now),
                        condition("PIDPressure", "False", "KubeletHasSufficientPID", "", now)),
                "addresses", List.of(Map.of("type", "InternalIP", "address", KubeletSimulator.NODE_IP)),
                "daemonEndpoints", Map.of("kubeletEndpoint", Map.of("Port", kubeletPort)),
                "nodeInfo", Map.of(
                        "machineID", "kanister-hooks", "systemUUID", "kanister-hooks", "bootID", "kanister-hooks",
                        "kernelVersion", System.getProperty("os.version"), "osImage",
                                "kanister-hooks kubelet simulator",
                        "containerRuntimeVersion", "kanister-hooks://0.1.0", "kubeletVersion", "v1.20.2",
                        "kubeProxyVersion", "v1.20.2", "operatingSystem", "linux", "architecture", "amd64"));
        Gson gson = new Gson();
        PatchUtils.patch(V1Node.class,
                () -> api.patchNodeStatus(nodeName, new V1Patch(gson.toJson(Map.of("status", status)))).buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
        PatchUtils.patch(V1Node.class,
                () -> api.patchNode(nodeName, new V1Patch("{\"spec\":{\"taints\":null}}")).buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
    }

    private static Map<String, Object> condition(String type, String status, String reason, String message,
            String now) {
        return Map.of("type", type, "status", status, "reason", reason, "message", message,
                "lastHeartbeatTime", now, "lastTransitionTime", now);
    }
}
