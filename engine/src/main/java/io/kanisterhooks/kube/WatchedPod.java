package io.kanisterhooks.kube;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;

/**
 * A pod of a watch event as {@link PodWatch} keeps it: what waiting for a pod looks at (its name, phase and container
 * states), taken straight from the event's JSON. Decoding the whole pod into client-java's models — spec, managed
 * fields, timestamps, with their validation — cost several times as much, for every event of every hook pod.
 */
final class WatchedPod {

    private WatchedPod() {
    }

    static V1Pod of(JsonObject pod) {
        JsonObject metadata = object(pod, "metadata");
        V1Pod result = new V1Pod().metadata(new V1ObjectMeta().name(string(metadata, "name"))
                .namespace(string(metadata, "namespace")).resourceVersion(string(metadata, "resourceVersion")));
        JsonObject status = object(pod, "status");
        if (status == null) {
            return result;
        }
        V1PodStatus s = new V1PodStatus().phase(string(status, "phase")).reason(string(status, "reason"))
                .message(string(status, "message"));
        if (status.get("containerStatuses") instanceof JsonArray containers) {
            for (JsonElement c : containers) {
                if (c instanceof JsonObject container) {
                    s.addContainerStatusesItem(new V1ContainerStatus().name(string(container, "name"))
                            .state(state(object(container, "state"))));
                }
            }
        }
        return result.status(s);
    }

    private static V1ContainerState state(JsonObject state) {
        if (state == null) {
            return null;
        }
        V1ContainerState s = new V1ContainerState();
        JsonObject waiting = object(state, "waiting");
        if (waiting != null) {
            s.waiting(new V1ContainerStateWaiting().reason(string(waiting, "reason"))
                    .message(string(waiting, "message")));
        }
        if (object(state, "running") != null) {
            s.running(new V1ContainerStateRunning());
        }
        JsonObject terminated = object(state, "terminated");
        if (terminated != null) {
            JsonElement exitCode = terminated.get("exitCode");
            s.terminated(new V1ContainerStateTerminated().reason(string(terminated, "reason"))
                    .message(string(terminated, "message"))
                    .exitCode(exitCode != null && exitCode.isJsonPrimitive() ? exitCode.getAsInt() : null));
        }
        return s;
    }

    static JsonObject object(JsonObject o, String member) {
        return o != null && o.get(member) instanceof JsonObject j ? j : null;
    }

    /** A string member, or null when there is none. */
    static String string(JsonObject o, String member) {
        JsonElement e = o == null ? null : o.get(member);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }
}
