package io.kanisterhooks.blueprint;

import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.SourcePosition;
import io.kanisterhooks.yaml.YamlDocument;
import io.kanisterhooks.yaml.YamlFields;
import io.kanisterhooks.yaml.YamlMapping;
import io.kanisterhooks.yaml.YamlNode;
import io.kanisterhooks.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one YAML document as a Blueprint, checking the shape the Blueprint CRD defines (types, unknown fields) and
 * reporting each problem at its place. Semantic rules (functions, arguments, phase names) are {@link BlueprintValidator}'s.
 */
final class BlueprintReader {

    /** {@code spec} is listed because {@link #read} reports it with a better message than "unknown field". */
    private static final Set<String> TOP_FIELDS = Set.of("apiVersion", "kind", "metadata", "actions", "spec");
    private static final Set<String> ACTION_FIELDS = Set.of("name", "kind", "configMapNames", "secretNames",
            "inputArtifactNames", "outputArtifacts", "phases", "deferPhase");
    private static final Set<String> PHASE_FIELDS = Set.of("func", "name", "objects", "args");
    private static final Set<String> ARTIFACT_FIELDS = Set.of("keyValue", "kopiaSnapshot");

    private final Problems problems;

    BlueprintReader(Problems problems) {
        this.problems = problems;
    }

    /** The blueprint in {@code doc}, or empty when the document's shape is too broken to use. */
    Optional<Blueprint> read(YamlDocument doc) {
        YamlMapping root = (YamlMapping) doc.root();
        YamlFields top = new YamlFields(root, "", problems);
        if (root.get("spec").isPresent()) {
            problems.error(root.entry("spec").orElseThrow().keyPosition(),
                    "unknown field \"spec\": a Blueprint has no spec, its actions are at the top level");
        }
        top.rejectUnknown(TOP_FIELDS);
        String name = null;
        String namespace = null;
        Optional<YamlMapping> metadata = top.map("metadata");
        if (metadata.isPresent()) {
            YamlFields meta = new YamlFields(metadata.get(), "metadata", problems);
            name = meta.string("name");
            namespace = meta.string("namespace");
        }
        if (name == null || name.isEmpty()) {
            problems.error(doc.start(), "metadata.name is required");
        } else {
            SourcePosition at = metadata.flatMap(m -> m.get("name")).map(YamlNode::position).orElse(doc.start());
            KubernetesNames.objectNameProblem("Blueprint", name).ifPresent(p -> problems.error(at,
                    "metadata.name: " + p));
        }
        Map<String, BlueprintAction> actions = new LinkedHashMap<>();
        top.map("actions").ifPresent(m -> {
            for (YamlMapping.Entry e : m.entries()) {
                action(e).ifPresent(a -> actions.put(a.name(), a));
            }
        });
        if (root.get("actions").isEmpty()) {
            problems.warning(doc.start(), "blueprint " + (name == null ? "" : name + " ") + "has no actions");
        }
        return Optional.of(new Blueprint(name == null ? "" : name, namespace, actions, doc.start()));
    }

    private Optional<BlueprintAction> action(YamlMapping.Entry entry) {
        String path = "actions." + entry.key();
        if (!(entry.value() instanceof YamlMapping m)) {
            problems.error(entry.value().position(), path + ": expected a map, found " + entry.value().describe());
            return Optional.empty();
        }
        YamlFields f = new YamlFields(m, path, problems);
        f.rejectUnknown(ACTION_FIELDS);
        f.string("name");
        String kind = f.string("kind");
        List<YamlNode> phaseNodes = f.list("phases");
        List<BlueprintPhase> phases = new ArrayList<>();
        for (int i = 0; i < phaseNodes.size(); i++) {
            phase(phaseNodes.get(i), path + ".phases[" + i + "]").ifPresent(phases::add);
        }
        Optional<BlueprintPhase> defer = f.map("deferPhase").flatMap(d -> phase(d, path + ".deferPhase"));
        return Optional.of(new BlueprintAction(entry.key(), kind, f.stringList("configMapNames"),
                f.stringList("secretNames"), f.stringList("inputArtifactNames"), artifacts(f), phases, defer,
                entry.keyPosition(), m));
    }

    private Map<String, Artifact> artifacts(YamlFields action) {
        Map<String, Artifact> result = new LinkedHashMap<>();
        action.map("outputArtifacts").ifPresent(m -> {
            for (YamlMapping.Entry e : m.entries()) {
                String path = action.pathOf("outputArtifacts") + "." + e.key();
                if (!(e.value() instanceof YamlMapping am)) {
                    problems.error(e.value().position(), path + ": expected a map, found " + e.value().describe());
                    continue;
                }
                YamlFields f = new YamlFields(am, path, problems);
                f.rejectUnknown(ARTIFACT_FIELDS);
                result.put(e.key(), new Artifact(f.stringMap("keyValue"), kopiaSnapshot(f)));
            }
        });
        return result;
    }

    /** {@code kopiaSnapshot} is free-form in the CRD; a string is what every function produces and reads. */
    private String kopiaSnapshot(YamlFields artifact) {
        return artifact.node("kopiaSnapshot")
                .filter(n -> n instanceof YamlScalar s && s.value() != null)
                .map(n -> artifact.string("kopiaSnapshot"))
                .orElse("");
    }

    private Optional<BlueprintPhase> phase(YamlNode node, String path) {
        if (!(node instanceof YamlMapping m)) {
            problems.error(node.position(), path + ": expected a map, found " + node.describe());
            return Optional.empty();
        }
        YamlFields f = new YamlFields(m, path, problems);
        f.rejectUnknown(PHASE_FIELDS);
        String func = f.string("func");
        f.node("func").filter(n -> n instanceof YamlScalar sc && sc.value() == null).ifPresent(n -> problems.error(
                n.position(), f.pathOf("func") + ": expected the name of a Kanister function, found null"));
        String name = f.string("name");
        Map<String, ObjectReference> objects = new LinkedHashMap<>();
        f.map("objects").ifPresent(om -> {
            for (YamlMapping.Entry e : om.entries()) {
                objectReference(e, f.pathOf("objects") + "." + e.key()).ifPresent(r -> objects.put(e.key(), r));
            }
        });
        Map<String, Object> args = new LinkedHashMap<>();
        f.map("args").ifPresent(am -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> value = (Map<String, Object>) am.toValue();
            args.putAll(value);
        });
        return Optional.of(new BlueprintPhase(func == null ? "" : func, name == null ? "" : name, objects, args,
                m.position(), m));
    }

    private Optional<ObjectReference> objectReference(YamlMapping.Entry entry, String path) {
        if (!(entry.value() instanceof YamlMapping m)) {
            problems.error(entry.value().position(), path + ": expected a map, found " + entry.value().describe());
            return Optional.empty();
        }
        YamlFields f = new YamlFields(m, path, problems);
        f.rejectUnknown(ObjectReference.FIELDS);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : ObjectReference.FIELDS) {
            fields.put(field, f.string(field));
        }
        return Optional.of(ObjectReference.fromMap(fields));
    }
}
