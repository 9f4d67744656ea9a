package io.kanisterhooks.action;

import io.kanisterhooks.kube.JsonObjects;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.params.TemplateParamsBuilder;
import io.kanisterhooks.params.TemplateParamsBuilder.WorkloadKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the subject part of TemplateParams as Kanister's {@code param.New} does: the workload's running pods (owned by
 * the StatefulSet, or by the Deployment's current ReplicaSet), their containers and PVC mounts, and {@code .Object}.
 * The subject is fetched once and serves both as the workload and as {@code .Object} (Kanister fetches it twice).
 */
final class SubjectParams {

    private static final Pattern ORDINAL = Pattern.compile(".*-([0-9]+)$");
    private static final String REVISION = "deployment.kubernetes.io/revision";

    private final Kube kube;

    SubjectParams(Kube kube) {
        this.kube = kube;
    }

    void fill(Subject subject, TemplateParamsBuilder tp) throws KubeException {
        Map<String, Object> object = fetch(subject);
        tp.object(object);
        String kind = subject.kind() == null ? "" : subject.kind();
        switch (kind) {
            case "namespace" -> tp.namespace(subject.namespace(), subject.namespace());
            case "pvc" -> tp.pvc(subject.name(), subject.namespace());
            case "statefulset" -> statefulSet(subject, object, tp);
            case "deployment" -> deployment(subject, object, tp);
            case "deploymentconfig" -> throw new KubeException("DeploymentConfig subjects need OpenShift's "
                    + "ReplicationControllers; kanister-hooks does not support them");
            default -> { }
        }
    }

    private Map<String, Object> fetch(Subject s) throws KubeException {
        if (s.isNamespace()) {
            return kube.getObject("", "v1", "namespaces", null, s.namespace());
        }
        try {
            return kube.getObject(s.group(), s.version(), s.resource(), s.namespace(), s.name());
        } catch (KubeException e) {
            throw new KubeException("could not fetch object name: " + s.name() + ", namespace: " + s.namespace()
                    + ", group: " + s.group() + ", version: " + s.version() + ", resource: " + s.resource() + ": "
                    + e.getMessage(), e.status());
        }
    }

    private void statefulSet(Subject s, Map<String, Object> sts, TemplateParamsBuilder tp) throws KubeException {
        Workload w = new Workload();
        for (Map<String, Object> pod : runningPodsOwnedBy(s.namespace(), uid(sts))) {
            w.add(pod, volumeClaims(sts, name(pod)));
        }
        tp.workload(WorkloadKind.STATEFUL_SET, s.name(), s.namespace(), w.pods, w.containers, w.pvcs);
    }

    private void deployment(Subject s, Map<String, Object> deploy, TemplateParamsBuilder tp) throws KubeException {
        String revision = annotation(deploy, REVISION);
        Map<String, Object> rs = null;
        for (Map<String, Object> candidate : items(kube.request("GET",
                Kube.path("apps", "v1", "replicasets", s.namespace(), null), null, null, "list ReplicaSets"))) {
            if (ownedBy(candidate, uid(deploy)) && revision.equals(annotation(candidate, REVISION))) {
                rs = candidate;
                break;
            }
        }
        if (rs == null) {
            throw new KubeException("Could not find a ReplicaSet for Deployment " + s.namespace() + "/" + s.name());
        }
        Map<String, String> volumeToClaim = templateClaims(deploy);
        Workload w = new Workload();
        for (Map<String, Object> pod : runningPodsOwnedBy(s.namespace(), uid(rs))) {
            w.add(pod, volumeToClaim);
        }
        tp.workload(WorkloadKind.DEPLOYMENT, s.name(), s.namespace(), w.pods, w.containers, w.pvcs);
    }

    /** Pods, their container names and PVC mounts, in API order. */
    private static final class Workload {
        final List<String> pods = new ArrayList<>();
        final List<List<String>> containers = new ArrayList<>();
        final Map<String, Map<String, String>> pvcs = new LinkedHashMap<>();

        void add(Map<String, Object> pod, Map<String, String> volumeToClaim) {
            String name = name(pod);
            pods.add(name);
            List<String> names = new ArrayList<>();
            for (Map<String, Object> status : list(JsonObjects.path(pod, "status", "containerStatuses"))) {
                names.add(String.valueOf(status.get("name")));
            }
            containers.add(names);
            Map<String, String> mounts = new LinkedHashMap<>();
            for (Map<String, Object> c : list(JsonObjects.path(pod, "spec", "containers"))) {
                for (Map<String, Object> m : list(c.get("volumeMounts"))) {
                    String claim = volumeToClaim.get(String.valueOf(m.get("name")));
                    if (claim != null) {
                        mounts.put(claim, String.valueOf(m.get("mountPath")));
                    }
                }
            }
            if (!mounts.isEmpty()) {
                pvcs.put(name, mounts);
            }
        }
    }

    private List<Map<String, Object>> runningPodsOwnedBy(String namespace, String uid) throws KubeException {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> pod : items(kube.request("GET", Kube.path("", "v1", "pods", namespace, null), null,
                null, "list pods in " + namespace))) {
            if (ownedBy(pod, uid) && "Running".equals(JsonObjects.string(pod, "status", "phase"))) {
                result.add(pod);
            }
        }
        return result;
    }

    /**
     * Kanister's {@code StatefulSetVolumes}: every PVC volume of the pod template and every claim template not
     * referenced by one maps to {@code <claim>-<statefulset>-<ordinal>}.
     */
    private static Map<String, String> volumeClaims(Map<String, Object> sts, String podName) {
        Matcher m = ORDINAL.matcher(podName);
        if (!m.matches()) {
            return Map.of();
        }
        int ordinal = Integer.parseInt(m.group(1));
        Map<String, String> claimToVolume = new LinkedHashMap<>();
        for (Map<String, Object> v : list(JsonObjects.path(sts, "spec", "template", "spec", "volumes"))) {
            String claim = JsonObjects.string(v, "persistentVolumeClaim", "claimName");
            if (claim != null) {
                claimToVolume.put(claim, String.valueOf(v.get("name")));
            }
        }
        for (Map<String, Object> t : list(JsonObjects.path(sts, "spec", "volumeClaimTemplates"))) {
            String name = JsonObjects.string(t, "metadata", "name");
            claimToVolume.putIfAbsent(name, name);
        }
        String stsName = JsonObjects.string(sts, "metadata", "name");
        Map<String, String> volumeToClaim = new HashMap<>();
        claimToVolume.forEach((claim, volume) -> volumeToClaim.put(volume, claim + "-" + stsName + "-" + ordinal));
        return volumeToClaim;
    }

    private static Map<String, String> templateClaims(Map<String, Object> workload) {
        Map<String, String> volumeToClaim = new HashMap<>();
        for (Map<String, Object> v : list(JsonObjects.path(workload, "spec", "template", "spec", "volumes"))) {
            String claim = JsonObjects.string(v, "persistentVolumeClaim", "claimName");
            if (claim != null) {
                volumeToClaim.put(String.valueOf(v.get("name")), claim);
            }
        }
        return volumeToClaim;
    }

    private static boolean ownedBy(Map<String, Object> object, String uid) {
        for (Map<String, Object> ref : list(JsonObjects.path(object, "metadata", "ownerReferences"))) {
            if (uid.equals(ref.get("uid"))) {
                return true;
            }
        }
        return false;
    }

    private static String uid(Map<String, Object> object) {
        return String.valueOf(JsonObjects.path(object, "metadata", "uid"));
    }

    private static String name(Map<String, Object> object) {
        return JsonObjects.string(object, "metadata", "name");
    }

    private static String annotation(Map<String, Object> object, String key) {
        Object v = JsonObjects.path(object, "metadata", "annotations", key);
        return v == null ? "" : String.valueOf(v);
    }

    private static List<Map<String, Object>> items(Map<String, Object> list) {
        return list(list.get("items"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        List<Map<String, Object>> result = new ArrayList<>();
        if (value instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    result.add((Map<String, Object>) m);
                }
            }
        }
        return result;
    }
}
