package io.kanisterhooks.cli;

import io.kanisterhooks.action.Subject;
import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.blueprint.KubernetesNames;
import io.kanisterhooks.blueprint.ObjectReference;
import io.kanisterhooks.yaml.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code run-action} and action {@code plan} need: one blueprint action on one or more subjects. */
final class ActionOptions {

    @Option(names = "--blueprint", required = true, paramLabel = "FILE|NAME",
            description = "A blueprint file, or the name of a Blueprint object in --blueprint-namespace.")
    String blueprint;

    @Option(names = "--blueprint-namespace", paramLabel = "NS", defaultValue = "kasten-io",
            description = "Where Blueprint objects live. Default: ${DEFAULT-VALUE}.")
    String blueprintNamespace;

    @Option(names = "--action", required = true, paramLabel = "ACTION", description = "The blueprint action to run.")
    String action;

    @Option(names = {"-n", "--namespace"}, required = true, paramLabel = "NS", description = "The subject's namespace.")
    String namespace;

    @Option(names = "--subject", paramLabel = "KIND/NAME", description = "namespace (default), statefulset/NAME, "
            + "deployment/NAME, deploymentconfig/NAME or pvc/NAME. Repeatable: the subjects run in parallel.")
    List<String> subjects = new ArrayList<>();

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "A value for .Options (repeatable).")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--artifact", paramLabel = "NAME.KEY=VALUE",
            description = "An input artifact value for .ArtifactsIn.NAME.KeyValue.KEY (repeatable).")
    Map<String, String> artifacts = new LinkedHashMap<>();

    @Option(names = "--secret", paramLabel = "NAME=NAMESPACE/SECRET", description = "A Secret for .Secrets.NAME "
            + "(repeatable), as an ActionSet's secrets.")
    Map<String, String> secrets = new LinkedHashMap<>();

    @Option(names = "--configmap", paramLabel = "NAME=NAMESPACE/CONFIGMAP", description = "A ConfigMap for "
            + ".ConfigMaps.NAME (repeatable), as an ActionSet's configMaps.")
    Map<String, String> configMaps = new LinkedHashMap<>();

    @Option(names = "--home-namespace", paramLabel = "NS", description = "Where KubeTask and MultiContainerRun pods "
            + "without a namespace argument run (Kanister: the controller's namespace, where its Blueprints live). "
            + "Default: the blueprint namespace, as for hooks.")
    String homeNamespace;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    /**
     * The options that can be checked without the cluster (but {@link #subjects} and {@link #artifactsIn}, which
     * give their values), every problem in {@code problems}; the blueprint file is read and validated here, a
     * Blueprint object's name only checked.
     */
    ActionBlueprint check(Problems problems) {
        OptionChecks.namespace("--namespace", namespace, problems);
        OptionChecks.namespace("--blueprint-namespace", blueprintNamespace, problems);
        OptionChecks.namespace("--home-namespace", homeNamespace, problems);
        OptionChecks.keys("--option", options, problems);
        references(secrets, "--secret", problems);
        references(configMaps, "--configmap", problems);
        return ActionBlueprint.check(blueprint, action, blueprintNamespace, problems);
    }

    /** The subjects of {@code --subject} in {@code namespace}; a malformed one is a problem (and left out). */
    static List<Subject> subjects(List<String> given, String namespace, Problems problems) {
        List<Subject> result = new ArrayList<>();
        for (String s : given.isEmpty() ? List.of("namespace") : given) {
            if (s.equalsIgnoreCase("namespace")) {
                result.add(Subject.namespace(namespace));
                continue;
            }
            int slash = s.indexOf('/');
            String kind = slash > 0 ? s.substring(0, slash).toLowerCase(Locale.ROOT) : "";
            if (slash <= 0 || slash == s.length() - 1 || !Subject.KINDS.contains(kind) || kind.equals("namespace")) {
                problems.error(OptionChecks.at("--subject"), "--subject " + s + ": expected KIND/NAME with KIND one "
                        + "of statefulset, deployment, deploymentconfig, pvc (or just: namespace)");
                continue;
            }
            String name = s.substring(slash + 1);
            Optional<String> bad = KubernetesNames.objectNameProblem(kind, name);
            if (bad.isPresent()) {
                problems.error(OptionChecks.at("--subject"), "--subject " + s + ": " + bad.get());
                continue;
            }
            result.add(Subject.of(kind, name, namespace));
        }
        return result;
    }

    /** {@code --artifact NAME.KEY=VALUE} as input artifacts; a malformed one is a problem. */
    static Map<String, Artifact> artifactsIn(Map<String, String> given, Problems problems) {
        Map<String, Map<String, String>> byName = new LinkedHashMap<>();
        given.forEach((path, value) -> {
            int dot = path.indexOf('.');
            if (dot <= 0 || dot == path.length() - 1) {
                problems.error(OptionChecks.at("--artifact"), "--artifact " + path + "=...: expected NAME.KEY=VALUE");
                return;
            }
            byName.computeIfAbsent(path.substring(0, dot), k -> new LinkedHashMap<>())
                    .put(path.substring(dot + 1), value);
        });
        Map<String, Artifact> result = new LinkedHashMap<>();
        byName.forEach((name, kv) -> result.put(name, new Artifact(kv, "")));
        return result;
    }

    /** {@code NAME=NAMESPACE/NAME} references of {@code --secret} and {@code --configmap}. */
    static Map<String, ObjectReference> references(Map<String, String> given, String option, Problems problems) {
        Map<String, ObjectReference> refs = new LinkedHashMap<>();
        given.forEach((name, ref) -> {
            int slash = ref.indexOf('/');
            if (name.isEmpty() || slash <= 0 || slash == ref.length() - 1) {
                problems.error(OptionChecks.at(option), option + " " + name + "=" + ref
                        + ": expected NAME=NAMESPACE/NAME");
                return;
            }
            String ns = ref.substring(0, slash);
            String object = ref.substring(slash + 1);
            Optional<String> bad = KubernetesNames.namespaceProblem(ns)
                    .or(() -> KubernetesNames.objectNameProblem(option.substring(2), object));
            if (bad.isPresent()) {
                problems.error(OptionChecks.at(option), option + " " + name + "=" + ref + ": " + bad.get());
                return;
            }
            refs.put(name, new ObjectReference("v1", "", "", "", object, ns));
        });
        return refs;
    }

    String homeNamespace() {
        return homeNamespace != null ? homeNamespace : blueprintNamespace;
    }
}
