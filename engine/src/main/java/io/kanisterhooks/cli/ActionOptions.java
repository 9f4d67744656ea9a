package io.kanisterhooks.cli;

import io.kanisterhooks.action.Subject;
import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.blueprint.ObjectReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    List<Subject> subjects() {
        List<Subject> result = new ArrayList<>();
        for (String s : subjects.isEmpty() ? List.of("namespace") : subjects) {
            if (s.equalsIgnoreCase("namespace")) {
                result.add(Subject.namespace(namespace));
                continue;
            }
            int slash = s.indexOf('/');
            String kind = slash > 0 ? s.substring(0, slash).toLowerCase(Locale.ROOT) : "";
            if (slash <= 0 || slash == s.length() - 1 || !Subject.KINDS.contains(kind) || kind.equals("namespace")) {
                throw new UserInputException("--subject " + s + ": expected KIND/NAME with KIND one of statefulset, "
                        + "deployment, deploymentconfig, pvc (or just: namespace)");
            }
            result.add(Subject.of(kind, s.substring(slash + 1), namespace));
        }
        return result;
    }

    Map<String, Artifact> artifactsIn() {
        Map<String, Map<String, String>> byName = new LinkedHashMap<>();
        artifacts.forEach((path, value) -> {
            int dot = path.indexOf('.');
            if (dot <= 0 || dot == path.length() - 1) {
                throw new UserInputException("--artifact " + path + "=...: expected NAME.KEY=VALUE");
            }
            byName.computeIfAbsent(path.substring(0, dot), k -> new LinkedHashMap<>())
                    .put(path.substring(dot + 1), value);
        });
        Map<String, Artifact> result = new LinkedHashMap<>();
        byName.forEach((name, kv) -> result.put(name, new Artifact(kv, "")));
        return result;
    }

    static Map<String, ObjectReference> references(Map<String, String> given, String option) {
        Map<String, ObjectReference> refs = new LinkedHashMap<>();
        given.forEach((name, ref) -> {
            int slash = ref.indexOf('/');
            if (slash <= 0 || slash == ref.length() - 1) {
                throw new UserInputException(option + " " + name + "=" + ref + ": expected NAME=NAMESPACE/NAME");
            }
            refs.put(name, new ObjectReference("v1", "", "", "", ref.substring(slash + 1), ref.substring(0, slash)));
        });
        return refs;
    }

    String homeNamespace() {
        return homeNamespace != null ? homeNamespace : blueprintNamespace;
    }
}
