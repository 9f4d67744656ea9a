package io.kanisterhooks.hooks;

import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.blueprint.BlueprintValidator;
import io.kanisterhooks.blueprint.FunctionCatalog;
import io.kanisterhooks.blueprint.KubernetesNames;
import io.kanisterhooks.functions.PodPolicy;
import io.kanisterhooks.hooks.state.RunPlanRecord;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.kube.LabelSelectorSyntax;
import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.SourcePosition;
import io.kanisterhooks.yaml.Suggestions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a {@link PlanRequest} into a {@link HookPlan}, finding every problem before anything runs, in two steps:
 * {@link #check} reads and checks everything the request itself says without the cluster — hook specs, blueprint
 * files (validated with the hook restrictions), names, the namespace selector's syntax, subjects, settings — and
 * {@link #plan} then resolves what only the cluster knows: Blueprint objects, whether namespaces exist, the
 * selector's namespaces, the {@code pod-spec-override} ConfigMap.
 */
public final class HookPlanner {

    /** The most namespaces a run handles at once. */
    public static final int MAX_PARALLELISM = 256;

    /** A plan (and the form the run state keeps of it), or the problems that prevent one. */
    public record Planned(HookPlan plan, RunPlanRecord record, Problems problems) {
        public boolean ok() {
            return plan != null && !problems.hasErrors();
        }
    }

    /**
     * What a request says, checked without the cluster.
     *
     * @param problems       problems of what the request gives (and warnings, e.g. of blueprint files)
     * @param newRunProblems what a new run needs and the request does not give (no hooks, no namespaces): problems
     *                       only when the request does not continue an existing run
     */
    public record Checked(PlanRequest request, HookSet hooks, BlueprintResolver blueprints,
                          Optional<HookSubject> defaultSubject, Problems problems, Problems newRunProblems) {

        /** Every problem, for a request that starts a new run. */
        public Problems forNewRun() {
            Problems all = new Problems();
            all.addAll(problems);
            all.addAll(newRunProblems);
            return all;
        }
    }

    private final FunctionCatalog functions;
    private final ClusterView cluster;

    public HookPlanner(FunctionCatalog functions, ClusterView cluster) {
        this.functions = functions;
        this.cluster = cluster;
    }

    /** Everything {@code r} says that can be checked without the cluster; never sends a request. */
    public static Checked check(FunctionCatalog functions, PlanRequest r) {
        Problems problems = new Problems();
        Problems newRun = new Problems();
        HookSet hooks = hookSet(r, problems, newRun);
        BlueprintResolver resolver = new BlueprintResolver(functions, BlueprintValidator.Options.HOOKS,
                r.blueprintNamespace());
        resolver.loadFiles(r.blueprintRefs(), "--blueprint", problems);
        for (HookReference h : hooks.hooks().values()) {
            resolver.fromFiles(h.blueprint()).ifPresent(s -> checkAction(s.blueprint(), h, problems));
        }
        namespaceNames(r, problems, newRun);
        Optional<HookSubject> defaultSubject = defaultSubject(r.subject(), problems);
        checkSubjects(hooks, defaultSubject, r.namespaces(), problems);
        if (r.parallelism() < 1 || r.parallelism() > MAX_PARALLELISM) {
            problems.error(SourcePosition.ofFile("--parallelism"), "--parallelism must be from 1 to "
                    + MAX_PARALLELISM + ", not " + r.parallelism());
        }
        KubernetesNames.namespaceProblem(r.blueprintNamespace()).ifPresent(p ->
                problems.error(SourcePosition.ofFile("--blueprint-namespace"), "--blueprint-namespace: " + p));
        if (!r.homeNamespace().equals(r.blueprintNamespace())) {
            KubernetesNames.namespaceProblem(r.homeNamespace()).ifPresent(p ->
                    problems.error(SourcePosition.ofFile("--home-namespace"), "--home-namespace: " + p));
        }
        r.options().keySet().stream().filter(String::isEmpty).findFirst().ifPresent(k -> problems.error(
                SourcePosition.ofFile("--option"), "--option =" + r.options().get(k) + ": the key is empty "
                        + "(expected KEY=VALUE)"));
        return new Checked(r, hooks, resolver, defaultSubject, problems, newRun);
    }

    /**
     * Plans a new run from a checked request: what needs the cluster resolved, every problem found. Problems of the
     * check are not repeated here (they were reported, and stop a run before this is called).
     */
    public Planned plan(Checked checked, String runId) throws KubeException {
        PlanRequest r = checked.request();
        Problems problems = new Problems();
        problems.addAll(checked.newRunProblems());
        if (checked.problems().hasErrors() || checked.newRunProblems().hasErrors()) {
            problems.addAll(checked.problems());
            return new Planned(null, null, problems);
        }
        Map<String, BlueprintResolver.Source> blueprints = blueprints(checked, problems);
        List<String> namespaces = namespaces(r, problems);
        if (r.namespaceSelector() != null) {
            checkSubjects(checked.hooks(), checked.defaultSubject(), namespaces, problems);
        }
        Optional<PodPolicy> policy = podPolicy(r.forceRoot(), r.blueprintNamespace(), problems);
        if (problems.hasErrors()) {
            return new Planned(null, null, problems);
        }
        Map<String, Blueprint> byName = new LinkedHashMap<>();
        blueprints.forEach((name, source) -> byName.put(name, source.blueprint()));
        HookPlan plan = new HookPlan(runId, checked.hooks(), byName, namespaces, r.options(), checked.defaultSubject(),
                r.parallelism(), r.homeNamespace(), policy.orElseThrow());
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

    private static HookSet hookSet(PlanRequest r, Problems problems, Problems newRun) {
        Map<HookSlot, HookReference> hooks = new EnumMap<>(HookSlot.class);
        if (r.hooksFile() != null) {
            HookSpecReader.Result file = new HookSpecReader(r.defaultTimeout(), r.defaultOnError()).read(r.hooksFile());
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
            String blueprint = target.substring(0, slash);
            KubernetesNames.objectNameProblem("Blueprint", blueprint).ifPresent(p ->
                    problems.error(at, flag + " " + target + ": " + p));
            hooks.put(slot, new HookReference(slot, blueprint, target.substring(slash + 1), Optional.empty(),
                    r.defaultTimeout(), slot.defaultMaxRetries(), r.defaultOnError(), Map.of(), at, at));
        });
        if (hooks.isEmpty() && r.hooksFile() == null && r.slotFlags().isEmpty()) {
            newRun.error(SourcePosition.ofFile("kanister-hooks"), "no hooks given: use --hooks-file, or --pre-hook, "
                    + "--on-success, --on-failure, --always with BLUEPRINT/ACTION");
        }
        return new HookSet(hooks);
    }

    private static void checkAction(Blueprint bp, HookReference h, Problems problems) {
        if (bp.action(h.actionName()).isEmpty()) {
            problems.error(h.actionAt(), "action \"" + h.actionName() + "\" not found in blueprint " + bp.name()
                    + " (its actions: " + bp.actionNames() + ")"
                    + Suggestions.closest(h.actionName(), bp.actions().keySet())
                    .map(a -> "; did you mean \"" + a + "\"?").orElse(""));
        }
    }

    /** The blueprint of every hook, by name, each with its action checked: from the files, else the cluster. */
    private Map<String, BlueprintResolver.Source> blueprints(Checked checked, Problems problems)
            throws KubeException {
        Map<String, BlueprintResolver.Source> used = new LinkedHashMap<>();
        for (HookReference h : checked.hooks().hooks().values()) {
            Optional<BlueprintResolver.Source> inFiles = checked.blueprints().fromFiles(h.blueprint());
            Optional<BlueprintResolver.Source> found = inFiles.isPresent() ? inFiles
                    : checked.blueprints().named(h.blueprint(), h.blueprintAt(), problems, cluster);
            if (found.isEmpty()) {
                continue;
            }
            used.put(found.get().blueprint().name(), found.get());
            if (inFiles.isEmpty()) {
                checkAction(found.get().blueprint(), h, problems);
            }
        }
        return used;
    }

    /** The names given, without the cluster; whether they exist is {@link #namespaces}'s question. */
    private static void namespaceNames(PlanRequest r, Problems problems, Problems newRun) {
        SourcePosition at = SourcePosition.ofFile("--namespace");
        if (!r.namespaces().isEmpty() && r.namespaceSelector() != null) {
            problems.error(at, "give --namespace or --namespace-selector, not both");
        }
        if (r.namespaceSelector() != null) {
            LabelSelectorSyntax.problem(r.namespaceSelector()).ifPresent(p -> problems.error(
                    SourcePosition.ofFile("--namespace-selector"), "--namespace-selector \"" + r.namespaceSelector()
                            + "\": " + p + " (label selector syntax: key=value, key!=value, key in (a,b), "
                            + "key notin (a,b), key, !key, joined by commas)"));
        } else if (r.namespaces().isEmpty()) {
            newRun.error(at, "no namespace given: use --namespace (repeatable) or --namespace-selector");
        }
        for (String ns : new LinkedHashSet<>(r.namespaces())) {
            KubernetesNames.namespaceProblem(ns).ifPresent(p -> problems.error(at, "--namespace: " + p));
        }
    }

    private List<String> namespaces(PlanRequest r, Problems problems) throws KubeException {
        if (r.namespaceSelector() != null) {
            List<String> matching = cluster.namespacesMatching(r.namespaceSelector());
            if (matching.isEmpty()) {
                problems.error(SourcePosition.ofFile("--namespace-selector"), "no namespace matches the selector \""
                        + r.namespaceSelector() + "\"");
            }
            return matching;
        }
        List<String> namespaces = new ArrayList<>(new LinkedHashSet<>(r.namespaces()));
        for (String ns : namespaces) {
            if (!cluster.namespaceExists(ns)) {
                problems.error(SourcePosition.ofFile("--namespace"), "namespace " + ns + " does not exist");
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
        SourcePosition at = SourcePosition.ofFile("--subject");
        int slash = subject.indexOf('/');
        String kind = slash > 0 ? subject.substring(0, slash).toLowerCase(Locale.ROOT) : "";
        if (slash <= 0 || slash == subject.length() - 1 || !HookSubject.KINDS.contains(kind)) {
            problems.error(at, "--subject " + subject + ": expected KIND/NAME with KIND one of statefulset, "
                    + "deployment, deploymentconfig, pvc (or just: namespace)"
                    + Suggestions.closest(kind, HookSubject.KINDS).filter(k -> !k.equals(kind))
                    .map(k -> "; did you mean " + k + "?").orElse(""));
            return Optional.empty();
        }
        String name = subject.substring(slash + 1);
        Optional<String> bad = kind.equals("namespace") ? KubernetesNames.namespaceProblem(name)
                : KubernetesNames.objectNameProblem(kind, name);
        if (bad.isPresent()) {
            problems.error(at, "--subject " + subject + ": " + bad.get());
            return Optional.empty();
        }
        return Optional.of(new HookSubject(kind, name, null, null, null, null));
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
