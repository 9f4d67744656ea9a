package io.kanisterhooks.action;

import java.util.Locale;
import java.util.Set;

/**
 * The object an action runs on, as Kanister's ActionSet {@code object} reference: a known kind, or any object given by
 * group/version/resource.
 *
 * @param kind      {@code namespace}, {@code statefulset}, {@code deployment}, {@code deploymentconfig}, {@code pvc},
 *                  or null for a generic object
 * @param namespace the object's namespace (for a namespace subject: the namespace itself)
 */
public record Subject(String kind, String name, String namespace, String group, String version, String resource) {

    public static final Set<String> KINDS = Set.of("namespace", "statefulset", "deployment", "deploymentconfig", "pvc");

    public Subject {
        kind = kind == null ? null : kind.toLowerCase(Locale.ROOT);
        if (kind != null && !KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown subject kind " + kind);
        }
    }

    public static Subject namespace(String namespace) {
        return new Subject("namespace", namespace, namespace, "", "v1", "namespaces");
    }

    public static Subject of(String kind, String name, String namespace) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "namespace" -> namespace(namespace);
            case "statefulset" -> new Subject("statefulset", name, namespace, "apps", "v1", "statefulsets");
            case "deployment" -> new Subject("deployment", name, namespace, "apps", "v1", "deployments");
            case "deploymentconfig" -> new Subject("deploymentconfig", name, namespace, "apps.openshift.io", "v1",
                    "deploymentconfigs");
            case "pvc" -> new Subject("pvc", name, namespace, "", "v1", "persistentvolumeclaims");
            default -> throw new IllegalArgumentException("unknown subject kind " + kind);
        };
    }

    public static Subject object(String group, String version, String resource, String name, String namespace) {
        return new Subject(null, name, namespace, group == null ? "" : group, version, resource);
    }

    public boolean isNamespace() {
        return "namespace".equals(kind);
    }

    /** {@code statefulset/mysql}, {@code namespace/app}, or {@code resource.group/name} for generic objects. */
    public String describe() {
        if (kind != null) {
            return kind + "/" + name;
        }
        return resource + (group.isEmpty() ? "" : "." + group) + "/" + name;
    }
}
