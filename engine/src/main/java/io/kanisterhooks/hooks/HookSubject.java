package io.kanisterhooks.hooks;

import java.util.Locale;
import java.util.Set;

/**
 * The object a hook action runs on. K10 writes {@code {name, namespace, type}}; {@code type} is one of Kanister's
 * subject kinds, otherwise the object is given by {@code apiVersion}/{@code group}/{@code resource}.
 *
 * @param namespace where the object lives; null means "the namespace the hook runs for"
 */
public record HookSubject(String type, String name, String namespace, String apiVersion, String group,
                          String resource) {

    /** Kanister's subject kinds ({@code pkg/validate}: lower-cased object kinds). */
    public static final Set<String> KINDS = Set.of("namespace", "statefulset", "deployment", "deploymentconfig", "pvc");

    /** The normalised kind: one of {@link #KINDS}, or null for an object given by group/version/resource. */
    public String kind() {
        if (type == null || type.isEmpty()) {
            return resource == null || resource.isEmpty() ? "namespace" : null;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return KINDS.contains(lower) ? lower : null;
    }

    public boolean isNamespace() {
        return "namespace".equals(kind());
    }

    /** {@code kind/name} or {@code resource.group/name}, for messages. */
    public String describe() {
        String k = kind();
        if (k != null) {
            return k + (isNamespace() || name == null ? "" : "/" + name);
        }
        return resource + (group == null || group.isEmpty() ? "" : "." + group) + "/" + name;
    }
}
