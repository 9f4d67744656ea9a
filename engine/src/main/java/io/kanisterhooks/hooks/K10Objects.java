package io.kanisterhooks.hooks;

import io.kanisterhooks.blueprint.KubernetesNames;
import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.SourcePosition;
import io.kanisterhooks.yaml.Suggestions;
import io.kanisterhooks.yaml.YamlFields;
import io.kanisterhooks.yaml.YamlMapping;
import io.kanisterhooks.yaml.YamlNode;
import io.kanisterhooks.yaml.YamlScalar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of the K10 objects hooks are read from, checked whole — a Policy ({@code config.kio.kasten.io/v1alpha1})
 * and the Backup, Export, Restore and BatchRestore Actions ({@code actions.kio.kasten.io/v1alpha1}) — from K10's API
 * reference: required parts present, parts of the right type, action names and label selectors K10 accepts, names
 * Kubernetes accepts. Fields this reader does not know are warnings (K10's API has more than hooks need). The hooks
 * themselves are {@link HookSpecReader}'s.
 */
final class K10Objects {

    static final String POLICY_API = "config.kio.kasten.io/v1alpha1";
    static final String ACTIONS_API = "actions.kio.kasten.io/v1alpha1";
    static final Set<String> ACTION_KINDS = Set.of("BackupAction", "ExportAction", "RestoreAction",
            "BatchRestoreAction");

    private static final Set<String> POLICY_SPEC = Set.of("comment", "frequency", "subFrequency", "paused",
            "retention", "selector", "actions", "backupWindow", "enableSmartBackupWindow", "presetRef",
            "policyPreset", "createdBy", "modifiedBy");
    private static final List<String> POLICY_ACTIONS = List.of("backup", "export", "import", "restore", "report");
    private static final Set<String> FREQUENCIES = Set.of("@hourly", "@daily", "@weekly", "@monthly", "@yearly",
            "@onDemand");
    private static final Set<String> RETENTION = Set.of("hourly", "daily", "weekly", "monthly", "yearly");
    private static final Set<String> OPERATORS = Set.of("In", "NotIn", "Exists", "DoesNotExist");
    /** The label K10 gives every application namespace, which policies select on. */
    private static final String APP_NAMESPACE_LABEL = "k10.kasten.io/appNamespace";

    private K10Objects() {
    }

    /**
     * Checks a K10 object whose kind is a Policy or one of {@link #ACTION_KINDS}.
     *
     * @return the namespaces the object's hooks run for, when the object says (an Action's subject or target
     *     namespace, a Policy selecting namespaces by name); empty when it cannot be known without the cluster
     */
    static Set<String> check(YamlMapping root, String kind, Problems problems) {
        boolean policy = "Policy".equals(kind);
        apiVersion(root, policy ? POLICY_API : ACTIONS_API, kind, problems);
        metadata(root, kind, problems);
        YamlNode specNode = root.get("spec").orElse(null);
        if (!(specNode instanceof YamlMapping spec)) {
            problems.error(specNode == null ? root.position() : specNode.position(), kind + ": spec is required "
                    + "and must be a map" + (specNode == null ? "" : ", found " + specNode.describe()));
            return Set.of();
        }
        return policy ? policy(spec, problems) : action(spec, kind, problems);
    }

    private static void apiVersion(YamlMapping root, String expected, String kind, Problems problems) {
        Object version = root.get("apiVersion").map(YamlNode::toValue).orElse(null);
        if (!expected.equals(version)) {
            SourcePosition at = root.get("apiVersion").map(YamlNode::position).orElse(root.position());
            problems.error(at, "a K10 " + kind + " needs apiVersion " + expected
                    + (version == null ? "" : ", found \"" + version + "\""));
        }
    }

    private static void metadata(YamlMapping root, String kind, Problems problems) {
        YamlFields top = new YamlFields(root, "", problems);
        Optional<YamlMapping> meta = top.map("metadata");
        if (meta.isEmpty()) {
            problems.error(root.position(), kind + ": metadata is required (name or generateName)");
            return;
        }
        YamlFields m = new YamlFields(meta.get(), "metadata", problems);
        String name = m.string("name");
        String generateName = m.string("generateName");
        if (name == null && generateName == null) {
            problems.error(meta.get().position(), kind + ": metadata.name (or generateName) is required");
        }
        if (name != null) {
            KubernetesNames.objectNameProblem(kind, name).ifPresent(p -> problems.error(at(meta.get(), "name"),
                    "metadata.name: " + p));
        }
        String namespace = m.string("namespace");
        if (namespace != null) {
            KubernetesNames.namespaceProblem(namespace).ifPresent(p -> problems.error(at(meta.get(), "namespace"),
                    "metadata.namespace: " + p));
        }
    }

    private static Set<String> policy(YamlMapping spec, Problems problems) {
        YamlFields f = new YamlFields(spec, "spec", problems);
        unknownFieldsAreWarnings(spec, "spec", POLICY_SPEC, problems);
        String frequency = f.string("frequency");
        if (frequency != null && !FREQUENCIES.contains(frequency) && frequency.trim().split("\\s+").length != 5) {
            problems.error(at(spec, "frequency"), "spec.frequency: \"" + frequency + "\" is not a K10 frequency ("
                    + String.join(", ", FREQUENCIES.stream().sorted().toList()) + ", or a cron expression)"
                    + Suggestions.closest(frequency, FREQUENCIES).map(s -> "; did you mean \"" + s + "\"?")
                    .orElse(""));
        }
        f.map("retention").ifPresent(r -> retention(r, "spec.retention", problems));
        f.node("paused").filter(n -> !(n instanceof YamlScalar s && (s.value() instanceof Boolean
                || s.value() == null))).ifPresent(n -> problems.error(n.position(), "spec.paused: expected true or "
                + "false, found " + n.describe()));
        Set<String> namespaces = f.map("selector").map(s -> selector(s, "spec.selector", problems))
                .orElse(Set.of());
        List<YamlNode> actions = f.list("actions");
        if (spec.get("actions").isEmpty() || actions.isEmpty()) {
            problems.error(spec.get("actions").map(YamlNode::position).orElse(spec.position()),
                    "spec.actions is required: a list of at least one action (backup, export, ...)");
        }
        for (int i = 0; i < actions.size(); i++) {
            policyAction(actions.get(i), "spec.actions[" + i + "]", problems);
        }
        return namespaces;
    }

    private static void policyAction(YamlNode node, String path, Problems problems) {
        if (!(node instanceof YamlMapping action)) {
            problems.error(node.position(), path + ": expected a map, found " + node.describe());
            return;
        }
        YamlFields f = new YamlFields(action, path, problems);
        Set<String> known = new LinkedHashSet<>(List.of("action", "retention"));
        POLICY_ACTIONS.forEach(a -> known.add(a + "Parameters"));
        f.rejectUnknown(known);
        String name = f.string("action");
        if (name == null) {
            problems.error(action.position(), path + ": action is required (" + String.join(", ", POLICY_ACTIONS)
                    + ")");
        } else if (!POLICY_ACTIONS.contains(name)) {
            problems.error(at(action, "action"), path + ".action: unknown K10 policy action \"" + name + "\""
                    + Suggestions.closest(name, POLICY_ACTIONS).map(s -> "; did you mean \"" + s + "\"?")
                    .orElse(" (actions are " + String.join(", ", POLICY_ACTIONS) + ")"));
        }
        for (String other : POLICY_ACTIONS) {
            String key = other + "Parameters";
            Optional<YamlNode> parameters = action.get(key);
            if (parameters.isEmpty()) {
                continue;
            }
            if (!other.equals(name) && name != null && POLICY_ACTIONS.contains(name)) {
                problems.error(action.entry(key).orElseThrow().keyPosition(), path + ": " + key + " belongs to "
                        + "action " + other + ", but this is action " + name + " (its parameters are " + name
                        + "Parameters)");
            }
            if (!(parameters.get() instanceof YamlMapping p)) {
                if (!(parameters.get() instanceof YamlScalar s && s.value() == null)) {
                    problems.error(parameters.get().position(), path + "." + key + ": expected a map, found "
                            + parameters.get().describe());
                }
                continue;
            }
            YamlFields pf = new YamlFields(p, path + "." + key, problems);
            pf.map("profile").ifPresent(profile -> reference(profile, path + "." + key + ".profile", problems));
            String target = pf.string("targetNamespace");
            if (target != null) {
                KubernetesNames.namespaceProblem(target).ifPresent(x -> problems.error(at(p, "targetNamespace"),
                        path + "." + key + ".targetNamespace: " + x));
            }
        }
        f.map("retention").ifPresent(r -> retention(r, path + ".retention", problems));
    }

    private static void retention(YamlMapping r, String path, Problems problems) {
        new YamlFields(r, path, problems).rejectUnknown(RETENTION);
        for (YamlMapping.Entry e : r.entries()) {
            if (RETENTION.contains(e.key()) && !(e.value() instanceof YamlScalar s && s.value() instanceof Long n
                    && n >= 0)) {
                problems.error(e.value().position(), path + "." + e.key() + ": expected a count (an integer of 0 "
                        + "or more), found " + e.value().describe());
            }
        }
    }

    /**
     * A {@code metav1.LabelSelector}; returns the namespaces it selects by K10's namespace label when that is all it
     * selects on (empty when the cluster decides).
     */
    private static Set<String> selector(YamlMapping selector, String path, Problems problems) {
        YamlFields f = new YamlFields(selector, path, problems);
        f.rejectUnknown(Set.of("matchLabels", "matchExpressions"));
        Set<String> named = new LinkedHashSet<>();
        boolean onlyByName = true;
        Map<String, String> labels = f.stringMap("matchLabels");
        for (Map.Entry<String, String> e : labels.entrySet()) {
            label(e.getKey(), e.getValue(), f.map("matchLabels").orElseThrow(), path + ".matchLabels", problems);
            if (APP_NAMESPACE_LABEL.equals(e.getKey())) {
                named.add(e.getValue());
            } else {
                onlyByName = false;
            }
        }
        List<YamlNode> expressions = f.list("matchExpressions");
        for (int i = 0; i < expressions.size(); i++) {
            String p = path + ".matchExpressions[" + i + "]";
            if (!(expressions.get(i) instanceof YamlMapping e)) {
                problems.error(expressions.get(i).position(), p + ": expected a map, found "
                        + expressions.get(i).describe());
                continue;
            }
            YamlFields ef = new YamlFields(e, p, problems);
            ef.rejectUnknown(Set.of("key", "operator", "values"));
            String key = ef.string("key");
            String operator = ef.string("operator");
            List<String> values = ef.stringList("values");
            if (key == null) {
                problems.error(e.position(), p + ": key is required");
            } else {
                KubernetesNames.isQualifiedName(key).stream().findFirst().ifPresent(x -> problems.error(at(e, "key"),
                        p + ".key: invalid label key \"" + key + "\": " + x));
            }
            if (operator == null || !OPERATORS.contains(operator)) {
                problems.error(operator == null ? e.position() : at(e, "operator"), p + ".operator: "
                        + (operator == null ? "is required" : "unknown operator \"" + operator + "\"")
                        + " (In, NotIn, Exists, DoesNotExist)" + (operator == null ? "" : Suggestions.closest(
                        operator, OPERATORS).map(s -> "; did you mean \"" + s + "\"?").orElse("")));
            } else if ((operator.equals("In") || operator.equals("NotIn")) && values.isEmpty()) {
                problems.error(e.position(), p + ": operator " + operator + " needs values");
            } else if ((operator.equals("Exists") || operator.equals("DoesNotExist")) && !values.isEmpty()) {
                problems.error(at(e, "values"), p + ": operator " + operator + " takes no values");
            }
            for (String v : values) {
                KubernetesNames.isValidLabelValue(v).stream().findFirst().ifPresent(x -> problems.error(
                        at(e, "values"), p + ".values: invalid label value \"" + v + "\": " + x));
            }
            if (APP_NAMESPACE_LABEL.equals(key) && "In".equals(operator)) {
                named.addAll(values);
            } else {
                onlyByName = false;
            }
        }
        return onlyByName ? named : Set.of();
    }

    private static void label(String key, String value, YamlMapping at, String path, Problems problems) {
        SourcePosition where = at.entry(key).map(YamlMapping.Entry::keyPosition).orElse(at.position());
        KubernetesNames.isQualifiedName(key).stream().findFirst().ifPresent(x -> problems.error(where,
                path + ": invalid label key \"" + key + "\": " + x));
        KubernetesNames.isValidLabelValue(value).stream().findFirst().ifPresent(x -> problems.error(where,
                path + "." + key + ": invalid label value \"" + value + "\": " + x));
    }

    private static Set<String> action(YamlMapping spec, String kind, Problems problems) {
        YamlFields f = new YamlFields(spec, "spec", problems);
        Set<String> namespaces = new LinkedHashSet<>();
        if (!kind.equals("BatchRestoreAction")) {
            Optional<YamlMapping> subject = f.map("subject");
            if (subject.isEmpty()) {
                problems.error(spec.position(), kind + ": spec.subject is required (" + (kind.equals("BackupAction")
                        ? "the application: name and namespace" : "the restore point: name and namespace") + ")");
            } else {
                String ns = reference(subject.get(), "spec.subject", problems);
                if (kind.equals("BackupAction") && ns != null) {
                    namespaces.add(ns);
                }
            }
        }
        String target = f.string("targetNamespace");
        if (target != null) {
            KubernetesNames.namespaceProblem(target).ifPresent(x -> problems.error(at(spec, "targetNamespace"),
                    "spec.targetNamespace: " + x));
            if (kind.equals("RestoreAction")) {
                namespaces.add(target);
            }
        }
        f.map("profile").ifPresent(p -> reference(p, "spec.profile", problems));
        f.node("hooks").filter(n -> !(n instanceof YamlMapping)).ifPresent(n -> problems.error(n.position(),
                "spec.hooks: expected a map, found " + n.describe()));
        return namespaces;
    }

    /** An object reference {name, namespace}: both valid names; returns the namespace. */
    private static String reference(YamlMapping ref, String path, Problems problems) {
        YamlFields f = new YamlFields(ref, path, problems);
        String name = f.string("name");
        String namespace = f.string("namespace");
        if (name == null || name.isEmpty()) {
            problems.error(ref.position(), path + ": name is required");
        } else {
            KubernetesNames.objectNameProblem("object", name).ifPresent(p -> problems.error(at(ref, "name"),
                    path + ".name: " + p));
        }
        if (namespace != null) {
            KubernetesNames.namespaceProblem(namespace).ifPresent(p -> problems.error(at(ref, "namespace"),
                    path + ".namespace: " + p));
        }
        return namespace;
    }

    private static void unknownFieldsAreWarnings(YamlMapping map, String path, Set<String> known, Problems problems) {
        for (YamlMapping.Entry e : map.entries()) {
            if (!known.contains(e.key())) {
                problems.warning(e.keyPosition(), path + ": field \"" + e.key() + "\" is not one kanister-hooks "
                        + "knows" + Suggestions.closest(e.key(), known).map(s -> "; did you mean \"" + s + "\"?")
                        .orElse(" (it is ignored)"));
            }
        }
    }

    private static SourcePosition at(YamlMapping map, String key) {
        return map.get(key).map(YamlNode::position).orElse(map.position());
    }
}
