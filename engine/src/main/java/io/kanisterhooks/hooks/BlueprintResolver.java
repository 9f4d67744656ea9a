package io.kanisterhooks.hooks;

import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.blueprint.BlueprintFile;
import io.kanisterhooks.blueprint.BlueprintFiles;
import io.kanisterhooks.blueprint.BlueprintLoader;
import io.kanisterhooks.blueprint.BlueprintValidator;
import io.kanisterhooks.blueprint.FunctionCatalog;
import io.kanisterhooks.hooks.state.RunPlanRecord.BlueprintText;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.SourcePosition;
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
    private final ClusterView cluster;
    private final String namespace;
    private final BlueprintLoader loader = new BlueprintLoader();
    private final Map<String, Source> fromFiles = new LinkedHashMap<>();
    private final Map<String, Source> fromCluster = new LinkedHashMap<>();

    public BlueprintResolver(FunctionCatalog functions, BlueprintValidator.Options rules, ClusterView cluster,
                             String namespace) {
        this.validator = new BlueprintValidator(functions, rules);
        this.cluster = cluster;
        this.namespace = namespace;
    }

    /** True when {@code ref} names a file or directory rather than a Blueprint object. */
    public static boolean isPath(String ref) {
        Path p = Path.of(ref);
        return Files.exists(p) || BlueprintFiles.isYaml(p);
    }

    /**
     * Loads the files and directories among {@code refs}; other refs are names, looked up in the cluster when a hook
     * asks for them. A blueprint name defined twice is a problem.
     */
    public void loadFiles(List<String> refs, Problems problems) {
        for (String ref : refs) {
            if (!isPath(ref)) {
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
        BlueprintFile loaded;
        String text;
        try {
            loaded = loader.load(f);
            text = loaded.blueprints().isEmpty() ? "" : Files.readString(f);
        } catch (IOException e) {
            problems.error(SourcePosition.ofFile(f.toString()), "cannot read " + f + ": " + e.getMessage());
            return List.of();
        }
        problems.addAll(loaded.problems());
        List<Source> sources = new ArrayList<>();
        loaded.blueprints().forEach(bp -> sources.add(new Source(bp, f.toString(), text)));
        return sources;
    }

    /**
     * The blueprint called {@code name}: from the files loaded, else the Blueprint object in the blueprint namespace.
     * Empty (with a problem at {@code at}) when there is none.
     */
    public Optional<Source> named(String name, SourcePosition at, Problems problems) throws KubeException {
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
     * {@code run-action} and {@code plan --action}: the one blueprint of {@code ref} (a file, or the name of a
     * Blueprint object) that has {@code action}. Empty, with a problem, when there is none or more than one.
     */
    public Optional<Source> withAction(String ref, String action, Problems problems) throws KubeException {
        SourcePosition at = SourcePosition.ofFile(ref);
        List<Source> candidates = new ArrayList<>();
        if (isPath(ref)) {
            try {
                for (Path f : BlueprintFiles.expand(List.of(Path.of(ref)))) {
                    candidates.addAll(load(f, problems));
                }
            } catch (IOException e) {
                problems.error(at, e.getMessage());
                return Optional.empty();
            }
        } else {
            named(ref, at, problems).ifPresent(candidates::add);
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
        }
        List<Source> withAction = candidates.stream().filter(s -> s.blueprint().action(action).isPresent()).toList();
        if (withAction.size() == 1) {
            if (isPath(ref)) {
                problems.addAll(validator.validate(withAction.get(0).blueprint()));
            }
            return Optional.of(withAction.get(0));
        }
        if (!problems.hasErrors()) {
            problems.error(at, withAction.isEmpty() ? "no blueprint in " + ref + " has an action \"" + action + "\""
                    + (candidates.isEmpty() ? "" : " (actions: " + candidates.get(0).blueprint().actionNames() + ")")
                    : "several blueprints in " + ref + " have an action \"" + action + "\"");
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
