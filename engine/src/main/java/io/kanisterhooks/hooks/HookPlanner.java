package io.kanisterhooks.hooks;

import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.blueprint.BlueprintFile;
import io.kanisterhooks.blueprint.BlueprintFiles;
import io.kanisterhooks.blueprint.BlueprintLoader;
import io.kanisterhooks.blueprint.BlueprintValidator;
import io.kanisterhooks.blueprint.FunctionCatalog;
import io.kanisterhooks.blueprint.KubernetesNames;
import io.kanisterhooks.functions.PodPolicy;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.SourcePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a {@link PlanRequest} into a {@link HookPlan}, finding every problem before anything runs: hook specs,
 * blueprints (files, else Blueprint objects in the blueprint namespace) validated with the hook restrictions, actions
 * that must exist, namespaces, subjects that must live in the namespace the hook runs for.
 */
public final class HookPlanner {

    /** A plan, or the problems that prevent one. */
    public record Planned(HookPlan plan, Problems problems) {
        public boolean ok() {
            return plan != null && !problems.hasErrors();
        }
    }

    private final FunctionCatalog functions;
    private final ClusterView cluster;

    public HookPlanner(FunctionCatalog functions, ClusterView cluster) {
        this.functions = functions;
        this.cluster = cluster;
    }

    /**
     * @param fixedNamespaces the namespaces recorded when the run started ({@code hooks post}), or null to resolve
     */
    public Planned plan(PlanRequest r, String runId, List<String> fixedNamespaces) throws IOException, KubeException {
        Problems problems = new Problems();
        HookSet hooks = hookSet(r, problems);
        Map<String, Blueprint> blueprints = blueprints(r, hooks, problems);
        List<String> namespaces = fixedNamespaces != null ? fixedNamespaces : namespaces(r, problems);
        Optional<HookSubject> defaultSubject = defaultSubject(r.subject(), problems);
        checkSubjects(hooks, defaultSubject, namespaces, problems);
        if (r.parallelism() < 1) {
            problems.error(SourcePosition.ofFile("--parallelism"), "--parallelism must be at least 1");
        }
        Optional<Map<String, Object>> override = cluster.podSpecOverride(r.blueprintNamespace());
        override.flatMap(HookPodPolicy::check).ifPresent(e -> problems.error(SourcePosition.ofFile("ConfigMap "
                + r.blueprintNamespace() + "/pod-spec-override"), "the override cannot be applied: " + e));
        if (problems.hasErrors()) {
            return new Planned(null, problems);
        }
        PodPolicy policy = new HookPodPolicy(r.forceRoot(), override);
        return new Planned(new HookPlan(runId, hooks, blueprints, namespaces, r.options(), defaultSubject,
                r.parallelism(), r.homeNamespace(), policy), problems);
    }

    private HookSet hookSet(PlanRequest r, Problems problems) throws IOException {
        Map<HookSlot, HookReference> hooks = new EnumMap<>(HookSlot.class);
        if (r.hooksFile() != null) {
            HookSpecReader.Result file = new HookSpecReader(r.defaultTimeout()).read(r.hooksFile());
            problems.addAll(file.problems());
            hooks.putAll(file.hooks().hooks());
        }
        r.slotFlags().forEach((slot, target) -> {
            String flag = "--" + slot.key().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            SourcePosition at = SourcePosition.ofFile(flag);
            int slash = target.indexOf('/');
            if (slash <= 0 || slash == target.length() - 1) {
                problems.error(at, flag + " " + target + ": expected BLUEPRINT/ACTION");
                return;
            }
            hooks.put(slot, new HookReference(slot, target.substring(0, slash), target.substring(slash + 1),
                    Optional.empty(), r.defaultTimeout(), slot.defaultMaxRetries(), Map.of(), at, at));
        });
        if (hooks.isEmpty() && !problems.hasErrors()) {
            problems.error(SourcePosition.ofFile("kanister-hooks"), "no hooks given: use --hooks-file, or --pre-hook, "
                    + "--on-success, --on-failure, --always with BLUEPRINT/ACTION");
        }
        return new HookSet(hooks);
    }

    private Map<String, Blueprint> blueprints(PlanRequest r, HookSet hooks, Problems problems)
            throws IOException, KubeException {
        BlueprintLoader loader = new BlueprintLoader();
        BlueprintValidator validator = new BlueprintValidator(functions, BlueprintValidator.Options.HOOKS);
        Map<String, Blueprint> byName = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        for (String ref : r.blueprintRefs()) {
            Path p = Path.of(ref);
            if (!Files.exists(p) && !BlueprintFiles.isYaml(p)) {
                continue; // a name: looked up in the cluster below, like hooks' own blueprint names
            }
            List<Path> files;
            try {
                files = BlueprintFiles.expand(List.of(p));
            } catch (IOException e) {
                problems.error(SourcePosition.ofFile(ref), e.getMessage());
                continue;
            }
            for (Path f : files) {
                BlueprintFile loaded = loader.load(f);
                problems.addAll(loaded.problems());
                for (Blueprint bp : loaded.blueprints()) {
                    String first = origin.putIfAbsent(bp.name(), f.toString());
                    if (first != null) {
                        problems.error(bp.position(), "blueprint " + bp.name() + " is defined twice (also in "
                                + first + ")");
                        continue;
                    }
                    problems.addAll(validator.validate(bp));
                    byName.put(bp.name(), bp);
                }
            }
        }
        Map<String, Blueprint> used = new LinkedHashMap<>();
        for (HookReference h : hooks.hooks().values()) {
            Blueprint bp = byName.get(h.blueprint());
            if (bp == null && !used.containsKey(h.blueprint())) {
                bp = fromCluster(r.blueprintNamespace(), h, origin.keySet(), loader, validator, problems);
            } else if (bp == null) {
                bp = used.get(h.blueprint());
            }
            if (bp == null) {
                continue;
            }
            used.put(bp.name(), bp);
            if (bp.action(h.actionName()).isEmpty()) {
                problems.error(h.actionAt(), "action \"" + h.actionName() + "\" not found in blueprint " + bp.name()
                        + " (its actions: " + bp.actionNames() + ")");
            }
        }
        return used;
    }

    private Blueprint fromCluster(String namespace, HookReference h, Set<String> fromFiles, BlueprintLoader loader,
                                  BlueprintValidator validator, Problems problems) throws KubeException {
        Optional<String> json = cluster.blueprintJson(namespace, h.blueprint());
        if (json.isEmpty()) {
            List<String> there = cluster.blueprintNames(namespace);
            problems.error(h.blueprintAt(), "blueprint \"" + h.blueprint() + "\" not found: "
                    + (fromFiles.isEmpty() ? "no blueprint files were given" : "not in the given files ("
                    + String.join(", ", fromFiles) + ")") + ", and namespace " + namespace + " has "
                    + (there.isEmpty() ? "no Blueprints" : "only " + String.join(", ", there)));
            return null;
        }
        BlueprintFile loaded = loader.parse("Blueprint " + namespace + "/" + h.blueprint(), json.get());
        problems.addAll(loaded.problems());
        for (Blueprint bp : loaded.blueprints()) {
            problems.addAll(validator.validate(bp));
            return bp;
        }
        return null;
    }

    private List<String> namespaces(PlanRequest r, Problems problems) throws KubeException {
        SourcePosition at = SourcePosition.ofFile("--namespace");
        if (!r.namespaces().isEmpty() && r.namespaceSelector() != null) {
            problems.error(at, "give --namespace or --namespace-selector, not both");
            return List.of();
        }
        if (r.namespaceSelector() != null) {
            List<String> matching = cluster.namespacesMatching(r.namespaceSelector());
            if (matching.isEmpty()) {
                problems.error(SourcePosition.ofFile("--namespace-selector"), "no namespace matches the selector \""
                        + r.namespaceSelector() + "\"");
            }
            return matching;
        }
        if (r.namespaces().isEmpty()) {
            problems.error(at, "no namespace given: use --namespace (repeatable) or --namespace-selector");
            return List.of();
        }
        List<String> namespaces = new ArrayList<>(new LinkedHashSet<>(r.namespaces()));
        for (String ns : namespaces) {
            List<String> errs = KubernetesNames.isDns1123Label(ns);
            if (!errs.isEmpty()) {
                problems.error(at, "invalid namespace name \"" + ns + "\": " + String.join("; ", errs));
            } else if (!cluster.namespaceExists(ns)) {
                problems.error(at, "namespace " + ns + " does not exist");
            }
        }
        return namespaces;
    }

    private static Optional<HookSubject> defaultSubject(String subject, Problems problems) {
        if (subject == null) {
            return Optional.empty();
        }
        if (subject.equalsIgnoreCase("namespace")) {
            return Optional.of(new HookSubject("namespace", null, null, null, null, null));
        }
        int slash = subject.indexOf('/');
        String kind = slash > 0 ? subject.substring(0, slash).toLowerCase(Locale.ROOT) : "";
        if (slash <= 0 || slash == subject.length() - 1 || !HookSubject.KINDS.contains(kind)) {
            problems.error(SourcePosition.ofFile("--subject"), "--subject " + subject + ": expected KIND/NAME with KIND "
                    + "one of statefulset, deployment, deploymentconfig, pvc (or just: namespace)");
            return Optional.empty();
        }
        return Optional.of(new HookSubject(kind, subject.substring(slash + 1), null, null, null, null));
    }

    /** K10: "Only the resources created in the target namespace can be selected as a subject." */
    private static void checkSubjects(HookSet hooks, Optional<HookSubject> dflt, List<String> namespaces,
                                      Problems problems) {
        for (HookReference h : hooks.hooks().values()) {
            HookSubject s = h.subject().or(() -> dflt).orElse(null);
            if (s == null || s.namespace() == null || s.namespace().isEmpty()) {
                continue;
            }
            for (String ns : namespaces) {
                if (!ns.equals(s.namespace())) {
                    problems.error(h.actionAt(), "hooks." + h.slot().key() + ".subject " + s.describe() + " is in "
                            + "namespace " + s.namespace() + ", but the hook runs for namespace " + ns + "; only "
                            + "resources in the target namespace can be selected");
                }
            }
        }
    }
}
