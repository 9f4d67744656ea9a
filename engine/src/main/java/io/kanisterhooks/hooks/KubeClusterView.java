package io.kanisterhooks.hooks;

import io.kanisterhooks.kube.JsonObjects;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.yaml.YamlDocument;
import io.kanisterhooks.yaml.YamlException;
import io.kanisterhooks.yaml.YamlReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@link ClusterView} over the API server. */
public final class KubeClusterView implements ClusterView {

    static final String BLUEPRINT_GROUP = "cr.kanister.io";
    static final String BLUEPRINT_VERSION = "v1alpha1";
    static final String POD_SPEC_OVERRIDE = "pod-spec-override";

    private final Kube kube;
    private Set<String> allNamespaces;

    public KubeClusterView(Kube kube) {
        this.kube = kube;
    }

    @Override
    public List<String> namespacesMatching(String labelSelector) throws KubeException {
        return names(kube.request("GET", Kube.path("", "v1", "namespaces", null, null) + "?labelSelector="
                + URLEncoder.encode(labelSelector, StandardCharsets.UTF_8), null, null,
                "list namespaces matching " + labelSelector));
    }

    /** One LIST answers every question; a user who may not list namespaces gets one GET per namespace instead. */
    @Override
    public boolean namespaceExists(String namespace) throws KubeException {
        if (allNamespaces == null) {
            try {
                allNamespaces = new TreeSet<>(names(kube.request("GET", Kube.path("", "v1", "namespaces", null, null),
                        null, null, "list namespaces")));
            } catch (KubeException e) {
                if (e.status() != 403) {
                    throw e;
                }
                allNamespaces = Set.of();
            }
        }
        if (allNamespaces.contains(namespace)) {
            return true;
        }
        try {
            kube.getObject("", "v1", "namespaces", null, namespace);
            return true;
        } catch (KubeException e) {
            if (e.notFound()) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<String> blueprintJson(String namespace, String name) throws KubeException {
        try {
            return Optional.of(JsonObjects.json(kube.getObject(BLUEPRINT_GROUP, BLUEPRINT_VERSION, "blueprints",
                    namespace, name)));
        } catch (KubeException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<String> blueprintNames(String namespace) {
        try {
            return names(kube.request("GET", Kube.path(BLUEPRINT_GROUP, BLUEPRINT_VERSION, "blueprints", namespace,
                    null), null, null, "list blueprints"));
        } catch (KubeException e) {
            return List.of();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> podSpecOverride(String namespace) throws KubeException {
        Map<String, Object> cm;
        try {
            cm = kube.getObject("", "v1", "configmaps", namespace, POD_SPEC_OVERRIDE);
        } catch (KubeException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
        String text = JsonObjects.string(cm, "data", "override");
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String where = "ConfigMap " + namespace + "/" + POD_SPEC_OVERRIDE + " (override)";
        try {
            List<YamlDocument> docs = new YamlReader().parse(where, text);
            if (docs.isEmpty() || !(docs.get(0).root().toValue() instanceof Map<?, ?> m)) {
                throw new KubeException(where + ": expected a kind: Pod YAML fragment");
            }
            return Optional.of((Map<String, Object>) m);
        } catch (YamlException e) {
            throw new KubeException(e.toString());
        }
    }

    private static List<String> names(Map<String, Object> list) {
        List<String> names = new ArrayList<>();
        if (list.get("items") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> m) {
                    names.add(JsonObjects.string(m, "metadata", "name"));
                }
            }
        }
        names.sort(null);
        return names;
    }
}
