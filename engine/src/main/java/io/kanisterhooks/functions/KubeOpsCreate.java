package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.ObjectReference;
import io.kanisterhooks.kube.JsonObjects;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.kube.ResourceDiscovery;
import io.kanisterhooks.yaml.YamlDocument;
import io.kanisterhooks.yaml.YamlException;
import io.kanisterhooks.yaml.YamlReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KubeOps {@code create}, as Kanister's kubectl resource builder does it: every YAML document of the spec is an object
 * whose kind is mapped to its resource through API discovery; all are checked before the first is created; an
 * object's own {@code metadata.namespace} wins over the argument (and, as in Kanister, stays in force for the
 * documents after it). The reference of the last object created is the output, with an empty {@code kind}.
 */
final class KubeOpsCreate {

    private static final String FIELD_MANAGER = "kanister-create";

    /** An object to create and where its kind is served. */
    private record Planned(Map<String, Object> object, ResourceDiscovery.ApiResource resource) {
    }

    private final Kube kube;

    KubeOpsCreate(Kube kube) {
        this.kube = kube;
    }

    /** @return the reference of the last object created; null when the spec holds none (no output, as Kanister) */
    ObjectReference create(String spec, String namespaceArg) throws PhaseException {
        List<Planned> planned = plan(spec);
        String namespace = namespaceArg;
        ObjectReference created = null;
        for (Planned p : planned) {
            Map<String, Object> metadata = metadata(p.object());
            if (metadata.get("namespace") instanceof String own && !own.isEmpty()) {
                namespace = own;
            }
            // kubectl creates with the object's resourceVersion cleared
            metadata.remove("resourceVersion");
            ResourceDiscovery.ApiResource r = p.resource();
            String path = Kube.path(r.group(), r.version(), r.resource(), r.namespaced() ? namespace : null, null);
            Map<String, Object> result;
            try {
                result = kube.request("POST", path + "?fieldManager=" + FIELD_MANAGER, JsonObjects.json(p.object()),
                        "application/json", "create " + r.kind() + " " + (r.namespaced() ? namespace + "/" : "")
                                + displayName(metadata));
            } catch (KubeException e) {
                throw new PhaseException(e.getMessage());
            }
            String ns = JsonObjects.string(result, "metadata", "namespace");
            created = new ObjectReference(r.version(), r.group(), r.resource(), "",
                    JsonObjects.string(result, "metadata", "name"), ns == null ? "" : ns);
        }
        return created;
    }

    /** Every document decoded and mapped, or the first problem. */
    private List<Planned> plan(String spec) throws PhaseException {
        List<YamlDocument> docs;
        try {
            docs = new YamlReader().parse("resource", spec);
        } catch (YamlException e) {
            throw new PhaseException("error parsing resource: " + e.getMessage());
        }
        List<Planned> planned = new ArrayList<>();
        for (YamlDocument doc : docs) {
            Object value = doc.root() == null ? null : doc.root().toValue();
            if (value == null) {
                continue; // empty documents are skipped
            }
            if (!(value instanceof Map<?, ?> raw)) {
                throw new PhaseException("unable to decode \"resource\": Object 'Kind' is missing");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = new LinkedHashMap<>((Map<String, Object>) raw);
            String kind = object.get("kind") instanceof String k ? k : "";
            String apiVersion = object.get("apiVersion") instanceof String v ? v : "";
            if (kind.isEmpty()) {
                throw new PhaseException("unable to decode \"resource\": Object 'Kind' is missing");
            }
            if (apiVersion.isEmpty()) {
                throw new PhaseException("unable to decode \"resource\": Object 'apiVersion' is missing");
            }
            try {
                ResourceDiscovery.ApiResource resource = kube.discovery().forKind(apiVersion, kind)
                        .orElseThrow(() -> new PhaseException("no matches for kind \"" + kind + "\" in version \""
                                + apiVersion + "\""));
                planned.add(new Planned(object, resource));
            } catch (KubeException e) {
                throw new PhaseException(e.getMessage());
            }
        }
        return planned;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> object) {
        Map<String, Object> metadata = object.get("metadata") instanceof Map<?, ?> m
                ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
        object.put("metadata", metadata);
        return metadata;
    }

    private static String displayName(Map<String, Object> metadata) {
        if (metadata.get("name") instanceof String n && !n.isEmpty()) {
            return n;
        }
        return metadata.get("generateName") instanceof String g ? g + "*" : "";
    }
}
