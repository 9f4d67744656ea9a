package io.kanisterhooks.hooks;

import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.blueprint.BlueprintValidator;
import io.kanisterhooks.blueprint.FunctionCatalog;
import io.kanisterhooks.blueprint.KubernetesNames;
import io.kanisterhooks.functions.PodPolicy;
import io.kanisterhooks.hooks.state.RunPlanRecord;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.SourcePosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a {@link PlanRequest} into a {@link HookPlan}, finding every problem before anything runs: hook specs,
 * blueprints (files, else Blueprint objects in the blueprint namespace) validated with the hook restrictions, actions
 * that must exist, namespaces, subjects that must live in the namespace the hook runs for.
 */
public final class HookPlanner {

    /** A plan (and the form the run state keeps of it), or the problems that prevent one. */
    public record Planned(HookPlan plan, RunPlanRecord record, Problems problems) {
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

    /** Plans a new run: hooks, blueprints and namespaces resolved, every problem found. */
    public Planned plan(PlanRequest r, String runId) throws IOException, KubeException {
        Problems problems = new Problems();
        HookSet hooks = hookSet(r, problems);
        BlueprintResolver resolver = new BlueprintResolver(functions, BlueprintValidator.Options.HOOKS, cluster,
                r.blueprintNamespace());
        resolver.loadFiles(r.blueprintRefs(), problems);
        Map<String, BlueprintResolver.Source> blueprints = blueprints(resolver, hooks, problems);
        List<String> namespaces = namespaces(r, problems);
        Optional<HookSubject> defaultSubject = defaultSubject(r.subject(), problems);
        checkSubjects(hooks, defaultSubject, namespaces, problems);
        if (r.parallelism() < 1) {
            problems.error(SourcePosition.ofFile("--parallelism"), "--parallelism must be at least 1");
        }
        Optional<PodPolicy> policy = podPolicy(r.forceRoot(), r.blueprintNamespace(), problems);
        if (problems.hasErrors()) {
            return new Planned(null, null, problems);
        }
        Map<String, Blueprint> byName = new LinkedHashMap<>();
        blueprints.forEach((name, source) -> byName.put(name, source.blueprint()));
        HookPlan plan = new HookPlan(runId, hooks, byName, namespaces, r.options(), defaultSubject, r.parallelism(),
                r.homeNamespace(), policy.orElseThrow());
        return new Planned(plan, RunPlans.record(plan, blueprints.values(), r), problems);
    }

    /**
     * The plan of a run that started earlier, from what its state kept: the same hooks, blueprints and namespaces,
     * whatever the files of this directory say. The {@code pod-spec-override} ConfigMap is read again, as K10 reads
     * it for every action.
     */
    public Planned resume(RunPlanRecord record, String runId) throws KubeException {
        Problems problems = new Problems();
        Optional<PodPolicy> policy = podPolicy(record.forceRootInHooks(), record.blueprintNamespace(), problems);
        if (problems.hasErrors()) {
            return new Planned(null, null, problems);
        }
        return new Planned(RunPlans.plan(record, runId, policy.orElseThrow()), record, problems);
    }

    private Optional<PodPolicy> podPolicy(boolean forceRoot, String blueprintNamespace, Problems problems)
            throws KubeException {
        Optional<Map<String, Object>> override = cluster.podSpecOverride(blueprintNamespace);
        Optional<String> error = override.flatMap(HookPodPolicy::check);
        if (error.isPresent()) {
            problems.error(SourcePosition.ofFile("ConfigMap " + blueprintNamespace + "/pod-spec-override"),
                    "the override cannot be applied: " + error.get());
            return Optional.empty();
        }
        return Optional.of(new HookPodPolicy(forceRoot, override));
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

    /** The blueprint of every hook, by name, each with its action checked. */
    private static Map<String, BlueprintResolver.Source> blueprints(BlueprintResolver resolver, HookSet hooks,
                                                                   Problems problems) throws KubeException {
        Map<String, BlueprintResolver.Source> used = new LinkedHashMap<>();
        for (HookReference h : hooks.hooks().values()) {
            Optional<BlueprintResolver.Source> found = resolver.named(h.blueprint(), h.blueprintAt(), problems);
            if (found.isEmpty()) {
                continue;
            }
            Blueprint bp = found.get().blueprint();
            used.put(bp.name(), found.get());
            if (bp.action(h.actionName()).isEmpty()) {
                problems.error(h.actionAt(), "action \"" + h.actionName() + "\" not found in blueprint " + bp.name()
                        + " (its actions: " + bp.actionNames() + ")");
            }
        }
        return used;
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
