package io.kanisterhooks.hooks;

import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.blueprint.BlueprintFile;
import io.kanisterhooks.blueprint.BlueprintFiles;
import io.kanisterhooks.blueprint.BlueprintLoader;
import io.kanisterhooks.blueprint.BlueprintValidator;
import io.kanisterhooks.blueprint.FunctionCatalog;
import io.kanisterhooks.blueprint.KubernetesNames;
import io.kanisterhooks.hooks.state.RunPlanRecord.BlueprintText;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.yaml.InputException;
import io.kanisterhooks.yaml.InputFile;
import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.SourcePosition;
import io.kanisterhooks.yaml.YamlLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds blueprints the way every command does: in the files and directories given ({@code --blueprint FILE|DIR}),
 * else as {@code Blueprint} objects in the blueprint namespace (K10: "create the Blueprint in the K10 namespace").
 * Every blueprint found is validated; every problem goes to the caller's {@link Problems}. Each blueprint comes with
 * its text, so that a run can keep what it runs.
 */
public final class BlueprintResolver {

    /** A blueprint, where it came from (a file, or {@code Blueprint NS/NAME}) and the YAML or JSON it was read from. */
    public record Source(Blueprint blueprint, String origin, String text) {
    }

    private final BlueprintValidator validator;
    private final String namespace;
    private final BlueprintLoader loader = new BlueprintLoader();
    private final Map<String, Source> fromFiles = new LinkedHashMap<>();
    private final Map<String, Source> fromCluster = new LinkedHashMap<>();

    /** @param namespace where Blueprint objects are looked up */
    public BlueprintResolver(FunctionCatalog functions, BlueprintValidator.Options rules, String namespace) {
        this.validator = new BlueprintValidator(functions, rules);
        this.namespace = namespace;
    }

    /** True when {@code ref} names a file or directory rather than a Blueprint object. */
    public static boolean isPath(String ref) {
        Path p = Path.of(ref);
        return Files.exists(p) || BlueprintFiles.isYaml(p);
    }

    /**
     * Loads the files and directories among {@code refs} (without the cluster); other refs are names of Blueprint
     * objects, looked up in the cluster when a hook asks for them, and must be valid names. A blueprint name defined
     * twice is a problem.
     *
     * @param option the option that gave the refs, for messages
     */
    public void loadFiles(List<String> refs, String option, Problems problems) {
        for (String ref : refs) {
            if (ref.isEmpty()) {
                problems.error(SourcePosition.ofFile(option), option + " is empty: give a file, a directory or the "
                        + "name of a Blueprint");
                continue;
            }
            if (!isPath(ref)) {
                KubernetesNames.objectNameProblem("Blueprint", ref).ifPresent(p -> problems.error(
                        SourcePosition.ofFile(option), option + " " + ref + ": no such file or directory, and "
                                + p.replaceFirst("^invalid", "not a valid").replaceFirst("^the Blueprint name is empty",
                                "not a Blueprint name")));
                continue;
            }
            List<Path> files;
            try {
                files = BlueprintFiles.expand(List.of(Path.of(ref)));
            } catch (IOException e) {
                problems.error(SourcePosition.ofFile(ref), e.getMessage());
                continue;
            }
            for (Path f : files) {
                for (Source s : load(f, problems)) {
                    Source first = fromFiles.putIfAbsent(s.blueprint().name(), s);
                    if (first != null) {
                        problems.error(s.blueprint().position(), "blueprint " + s.blueprint().name()
                                + " is defined twice (also in " + first.origin() + ")");
                        continue;
                    }
                    problems.addAll(validator.validate(s.blueprint()));
                }
            }
        }
    }

    private List<Source> load(Path f, Problems problems) {
        String text;
        try {
            text = InputFile.readText(f, YamlLimits.DEFAULT.maxBytes(), "YAML file");
        } catch (InputException e) {
            problems.error(e.position(), e.getMessage());
            return List.of();
        }
        BlueprintFile loaded = loader.parse(f.toString(), text);
        problems.addAll(loaded.problems());
        List<Source> sources = new ArrayList<>();
        loaded.blueprints().forEach(bp -> sources.add(new Source(bp, f.toString(), text)));
        return sources;
    }

    /** The blueprint called {@code name} among the files loaded (no cluster needed). */
    public Optional<Source> fromFiles(String name) {
        return Optional.ofNullable(fromFiles.get(name));
    }

    /**
     * The blueprint called {@code name}: from the files loaded, else the Blueprint object in the blueprint namespace.
     * Empty (with a problem at {@code at}) when there is none.
     */
    public Optional<Source> named(String name, SourcePosition at, Problems problems, ClusterView cluster)
            throws KubeException {
        Source s = fromFiles.get(name);
        if (s == null) {
            s = fromCluster.get(name);
        }
        if (s != null) {
            return Optional.of(s);
        }
        Optional<String> json = cluster.blueprintJson(namespace, name);
        if (json.isEmpty()) {
            List<String> there = cluster.blueprintNames(namespace);
            problems.error(at, "blueprint \"" + name + "\" not found: " + (fromFiles.isEmpty()
                    ? "no blueprint files were given" : "not in the given files (" + String.join(", ", origins())
                    + ")") + ", and namespace " + namespace + " has " + (there.isEmpty() ? "no Blueprints"
                    : "only " + String.join(", ", there)));
            return Optional.empty();
        }
        String origin = "Blueprint " + namespace + "/" + name;
        BlueprintFile loaded = loader.parse(origin, json.get());
        problems.addAll(loaded.problems());
        for (Blueprint bp : loaded.blueprints()) {
            problems.addAll(validator.validate(bp));
            Source found = new Source(bp, origin, json.get());
            fromCluster.put(name, found);
            return Optional.of(found);
        }
        return Optional.empty();
    }

    /**
     * {@code run-action} and {@code plan --action} with a file: the one blueprint of {@code ref} (a file or directory)
     * that has {@code action}, validated, without the cluster. Empty, with a problem, when there is none or more
     * than one.
     */
    public Optional<Source> fileWithAction(String ref, String action, Problems problems) {
        SourcePosition at = SourcePosition.ofFile(ref);
        List<Source> candidates = new ArrayList<>();
        List<Path> files;
        try {
            files = BlueprintFiles.expand(List.of(Path.of(ref)));
            for (Path f : files) {
                candidates.addAll(load(f, problems));
            }
        } catch (IOException e) {
            problems.error(at, e.getMessage());
            return Optional.empty();
        }
        if (candidates.isEmpty() && !problems.hasErrors()) {
            List<String> why = new ArrayList<>();
            files.forEach(f -> why.addAll(FileValidation.whyNoBlueprint(f, problems)));
            problems.error(at, "no blueprint in " + ref + (why.isEmpty() ? "" : ": " + why.get(0)
                    + (why.size() > 1 ? " (and " + (why.size() - 1) + " more)" : "")));
        }
        return withAction(candidates, ref, action, problems, true);
    }

    /** {@code run-action} with the name of a Blueprint object: that object, which must have {@code action}. */
    public Optional<Source> objectWithAction(String name, String action, Problems problems, ClusterView cluster)
            throws KubeException {
        Optional<Source> found = named(name, SourcePosition.ofFile("--blueprint"), problems, cluster);
        return found.isEmpty() ? found : withAction(List.of(found.get()), name, action, problems, false);
    }

    private Optional<Source> withAction(List<Source> candidates, String ref, String action, Problems problems,
                                        boolean validate) {
        List<Source> withAction = candidates.stream().filter(s -> s.blueprint().action(action).isPresent()).toList();
        if (withAction.size() == 1) {
            if (validate) {
                problems.addAll(validator.validate(withAction.get(0).blueprint()));
            }
            return Optional.of(withAction.get(0));
        }
        if (!candidates.isEmpty()) {
            problems.error(SourcePosition.ofFile("--action"), withAction.isEmpty() ? "no blueprint in " + ref
                    + " has an action \"" + action + "\" (actions: " + candidates.get(0).blueprint().actionNames()
                    + ")" : "several blueprints in " + ref + " have an action \"" + action + "\"");
        }
        return Optional.empty();
    }

    /** The blueprints a run kept, read again (not validated again: they were when the run started). */
    public static Map<String, Blueprint> fromTexts(List<BlueprintText> kept) {
        BlueprintLoader loader = new BlueprintLoader();
        Map<String, Blueprint> byName = new LinkedHashMap<>();
        for (BlueprintText t : kept) {
            loader.parse(t.origin(), t.text()).blueprints().stream().filter(bp -> bp.name().equals(t.name()))
                    .findFirst().ifPresent(bp -> byName.putIfAbsent(bp.name(), bp));
        }
        return byName;
    }

    private List<String> origins() {
        return fromFiles.values().stream().map(Source::origin).distinct().toList();
    }
}
