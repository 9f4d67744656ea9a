package io.kanisterhooks.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import org.junit.jupiter.api.Test;

/** What the pod watch keeps of a pod: name, phase and container states, read from the event's JSON. */
class WatchedPodTest {

    private static V1Pod pod(String json) {
        return WatchedPod.of(JsonParser.parseString(json).getAsJsonObject());
    }

    @Test
    void keepsNamePhaseAndContainerStatesOnly() {
        V1Pod pod = pod("""
                {"metadata": {"name": "kanister-job-x", "namespace": "ns", "resourceVersion": "42",
                              "managedFields": [{"manager": "kubelet"}], "labels": {"a": "b"}},
                 "spec": {"containers": [{"name": "c", "image": "busybox"}]},
                 "status": {"phase": "Failed", "message": "m",
                            "containerStatuses": [
                              {"name": "c", "image": "busybox", "ready": false, "restartCount": 0,
                               "state": {"terminated": {"exitCode": 3, "reason": "Error"}}},
                              {"name": "d", "state": {"waiting": {"reason": "ImagePullBackOff", "message": "no"}}},
                              {"name": "e", "state": {"running": {"startedAt": "2026-12-07T10:00:00Z"}}}]}}
                """);

        assertThat(pod.getMetadata().getName()).isEqualTo("kanister-job-x");
        assertThat(pod.getMetadata().getNamespace()).isEqualTo("ns");
        assertThat(pod.getMetadata().getResourceVersion()).isEqualTo("42");
        assertThat(pod.getMetadata().getManagedFields()).isNullOrEmpty();
        assertThat(pod.getMetadata().getLabels()).isNullOrEmpty();
        assertThat(pod.getSpec()).isNull();
        assertThat(pod.getStatus().getPhase()).isEqualTo("Failed");
        assertThat(pod.getStatus().getMessage()).isEqualTo("m");
        assertThat(pod.getStatus().getContainerStatuses()).extracting(V1ContainerStatus::getName)
                .containsExactly("c", "d", "e");
        V1ContainerStatus c = pod.getStatus().getContainerStatuses().get(0);
        assertThat(c.getState().getTerminated().getExitCode()).isEqualTo(3);
        assertThat(c.getState().getTerminated().getReason()).isEqualTo("Error");
        assertThat(c.getState().getWaiting()).isNull();
        V1ContainerStatus d = pod.getStatus().getContainerStatuses().get(1);
        assertThat(d.getState().getWaiting().getReason()).isEqualTo("ImagePullBackOff");
        assertThat(d.getState().getWaiting().getMessage()).isEqualTo("no");
        assertThat(d.getState().getTerminated()).isNull();
        assertThat(pod.getStatus().getContainerStatuses().get(2).getState().getRunning()).isNotNull();
    }

    @Test
    void aPodWithoutStatusHasNone() {
        V1Pod pod = pod("{\"metadata\": {\"name\": \"p\"}, \"spec\": {}}");
        assertThat(pod.getMetadata().getName()).isEqualTo("p");
        assertThat(pod.getStatus()).isNull();
        assertThat(pod(
                "{\"metadata\": {\"name\": \"p\"}, \"status\": {\"phase\": \"Pending\"}}").getStatus()
                .getContainerStatuses()).isNullOrEmpty();
    }
}
