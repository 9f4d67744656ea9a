package io.kanisterhooks.hooks;

import io.kanisterhooks.kube.KubeException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What planning a hook run needs to read from the cluster. */
public interface ClusterView {

    List<String> namespacesMatching(String labelSelector) throws KubeException;

    boolean namespaceExists(String namespace) throws KubeException;

    /** A Blueprint object as JSON text, or empty when there is none of that name. */
    Optional<String> blueprintJson(String namespace, String name) throws KubeException;

    /** Names of the Blueprints in a namespace (for "not found" messages); empty when they cannot be listed. */
    List<String> blueprintNames(String namespace);

    /** The {@code override} of the {@code pod-spec-override} ConfigMap (a {@code kind: Pod} fragment), if any. */
    Optional<Map<String, Object>> podSpecOverride(String namespace) throws KubeException;
}
