package io.kanisterhooks.functions;

import io.kanisterhooks.kube.JsonObjects;
import java.util.List;
import java.util.Map;

/**
 * Kanister's readiness rules for a scaled workload ({@code pkg/kube/workload.go}), on JSON objects: each check returns
 * what is still missing, in Kanister's words, or null when the workload is ready. Pods and ReplicaSets belong to an
 * owner when one of their owner references carries its UID.
 */
final class ScaleReadiness {

    static final String REVISION = "deployment.kubernetes.io/revision";

    private ScaleReadiness() {
    }

    /** {@code StatefulSetReady}: all replicas ready, and exactly that many of its pods Running. */
    static String statefulSet(Map<String, Object> sts, List<Map<String, Object>> pods) {
        long replicas = number(sts, "spec", "replicas");
        long ready = number(sts, "status", "readyReplicas");
        if (ready != replicas) {
            return "Specified " + replicas + " replicas and only " + ready + " are ready";
        }
        long running = owned(pods, uid(sts)).stream().filter(ScaleReadiness::running).count();
        if (running != replicas) {
            return "Specified " + replicas + " replicas and only " + running + " are running";
        }
        return null;
    }

    /**
     * {@code DeploymentReady}: the status counts match the spec for the observed generation, and the pods of the
     * current revision's ReplicaSet are all Running, as many as are available.
     */
    static String deployment(Map<String, Object> d, List<Map<String, Object>> replicaSets,
                             List<Map<String, Object>> pods) {
        long replicas = number(d, "spec", "replicas");
        long have = number(d, "status", "replicas");
        long updated = number(d, "status", "updatedReplicas");
        long available = number(d, "status", "availableReplicas");
        long generation = number(d, "metadata", "generation");
        long observed = number(d, "status", "observedGeneration");
        if (have != replicas) {
            return "Specified " + replicas + " replicas and only have " + have;
        }
        if (updated != replicas) {
            return "Specified " + replicas + " replicas and only have " + updated + " updated replicas";
        }
        if (available != replicas) {
            return "Specified " + replicas + " replicas and only have " + available + " available replicas";
        }
        if (observed < generation) {
            return "Need generation of at least " + generation + " and observed " + observed;
        }
        String revision = revision(d);
        Map<String, Object> current = owned(replicaSets, uid(d)).stream()
                .filter(rs -> revision.equals(revision(rs))).findFirst().orElse(null);
        if (current == null) {
            // Kanister fails here; with watches the ReplicaSet may simply not have been seen yet
            return "Could not find a ReplicaSet for Deployment";
        }
        List<Map<String, Object>> rsPods = owned(pods, uid(current));
        long running = rsPods.stream().filter(ScaleReadiness::running).count();
        if (running != available) {
            return running + " out of " + available + " available pods are running";
        }
        if (running != rsPods.size()) {
            return running + " out of " + rsPods.size() + " pods are running";
        }
        return null;
    }

    private static List<Map<String, Object>> owned(List<Map<String, Object>> objects, String ownerUid) {
        return objects.stream().filter(o -> ownedBy(o, ownerUid)).toList();
    }

    private static boolean ownedBy(Map<String, Object> object, String ownerUid) {
        if (JsonObjects.path(object, "metadata", "ownerReferences") instanceof List<?> refs) {
            for (Object ref : refs) {
                if (ref instanceof Map<?, ?> r && ownerUid != null && ownerUid.equals(r.get("uid"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean running(Map<String, Object> pod) {
        return "Running".equals(JsonObjects.string(pod, "status", "phase"));
    }

    private static String uid(Map<String, Object> object) {
        return JsonObjects.string(object, "metadata", "uid");
    }

    private static String revision(Map<String, Object> object) {
        String r = JsonObjects.string(object, "metadata", "annotations", REVISION);
        return r == null ? "" : r;
    }

    /** An integer field; absent (Go's zero value) is 0. */
    static long number(Map<String, Object> object, String... path) {
        return JsonObjects.path(object, path) instanceof Number n ? n.longValue() : 0;
    }
}
