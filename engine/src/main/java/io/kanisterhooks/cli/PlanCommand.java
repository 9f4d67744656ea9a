package io.kanisterhooks.cli;

import io.kanisterhooks.action.ActionPlan;
import io.kanisterhooks.action.ActionRequest;
import io.kanisterhooks.action.Engine;
import io.kanisterhooks.action.Subject;
import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.functions.PodSettings;
import io.kanisterhooks.hooks.HookPlan;
import io.kanisterhooks.hooks.HookPlanner;
import io.kanisterhooks.hooks.HookReference;
import io.kanisterhooks.hooks.HookSlot;
import io.kanisterhooks.hooks.KubeClusterView;
import io.kanisterhooks.hooks.run.HookRun;
import io.kanisterhooks.hooks.state.FileRunStateStore;
import io.kanisterhooks.hooks.state.RunState;
import io.kanisterhooks.hooks.state.SecretRunStateStore;
import io.kanisterhooks.secrets.SecretValues;
import io.kanisterhooks.yaml.Problems;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kanister-hooks plan}: what hooks (or, with {@code --action}, one blueprint action) would do — blueprints,
 * subjects, and every phase's arguments rendered as far as possible — reading the cluster, changing nothing.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show what the hooks would run, per namespace and hook: blueprint action, subject, and each "
                + "phase's arguments rendered (arguments that use earlier phases' outputs or input artifacts are "
                + "rendered when the action runs). Reads the cluster; creates nothing.",
            "With --action, plans one blueprint action instead (the arguments of run-action).",
            "Exit 0 when everything renders, 1 when a phase would fail to render, 2 for bad input."})
final class PlanCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HookOptions options = new HookOptions();

    @Option(names = "--action", paramLabel = "ACTION", description = "Plan this action of the single --blueprint "
            + "for every --namespace (subject: --subject, default the namespace), as run-action would run it.")
    String action;

    @Option(names = "--artifact", paramLabel = "NAME.KEY=VALUE", description = "With --action: an input artifact "
            + "value (repeatable).")
    Map<String, String> artifacts = new LinkedHashMap<>();

    @Option(names = {"-o", "--output"}, defaultValue = "yaml", description = "yaml (default) or json.")
    ResultFormat output;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Problems problems = new Problems();
        Static input = action != null ? actionInput(problems) : new Static(null, options.check(HookRun.Step.PRE,
                problems), null, null);
        Engine connected = Connections.engine(options.cluster, problems);
        InputProblems.report(problems, err);
        try (Engine engine = connected) {
            Map<ActionPlan, String> hooks = new IdentityHashMap<>(); // equal plans may be two slots
            List<ActionPlan> plans = action != null ? actionPlans(engine, input, err)
                    : hookPlans(engine, input.hooks(), hooks);
            spec.commandLine().getOut().println(ResultFormat.render(output, view(plans, hooks, engine.secrets())));
            spec.commandLine().getOut().flush();
            boolean ok = plans.stream().allMatch(p -> p.error() == null
                    && p.phases().stream().allMatch(ph -> ph.error() == null));
            return ok ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    /** What was checked before the cluster was contacted: the hooks, or the one action's blueprint and inputs. */
    private record Static(ActionBlueprint blueprint, HookPlanner.Checked hooks, List<Subject> subjects,
                          Map<String, Artifact> artifactsIn) {
    }

    private Static actionInput(Problems problems) {
        if (options.blueprints.size() != 1 || options.namespaces.isEmpty()) {
            problems.error(OptionChecks.at("--action"), "plan --action needs exactly one --blueprint and at least one "
                    + "--namespace");
        }
        options.namespaces.forEach(ns -> OptionChecks.namespace("--namespace", ns, problems));
        OptionChecks.namespace("--blueprint-namespace", options.blueprintNamespace, problems);
        OptionChecks.namespace("--home-namespace", options.homeNamespace, problems);
        OptionChecks.keys("--option", options.options, problems);
        List<Subject> subjects = ActionOptions.subjects(options.subject == null ? List.of()
                : List.of(options.subject), "", problems);
        Map<String, Artifact> artifactsIn = ActionOptions.artifactsIn(artifacts, problems);
        ActionBlueprint bp = options.blueprints.size() != 1 ? null
                : ActionBlueprint.check(options.blueprints.get(0), action, options.blueprintNamespace, problems);
        return new Static(bp, null, subjects, artifactsIn);
    }

    private List<ActionPlan> actionPlans(Engine engine, Static input, PrintWriter err) throws Exception {
        Blueprint bp = input.blueprint().resolve(engine, err);
        List<ActionPlan> plans = new ArrayList<>();
        for (String ns : options.namespaces) {
            for (Subject s : input.subjects()) {
                Subject subject = s.isNamespace() ? Subject.namespace(ns) : Subject.of(s.kind(), s.name(), ns);
                plans.add(engine.actions().plan(new ActionRequest(bp, action, subject, options.options,
                        input.artifactsIn(), PodSettings.NONE, options.homeNamespace())));
            }
        }
        return plans;
    }

    /** Per namespace, in the order the hooks run; {@code hooks} gets the slot of each plan. */
    private List<ActionPlan> hookPlans(Engine engine, HookPlanner.Checked checked, Map<ActionPlan, String> hooks)
            throws Exception {
        HookPlanner planner = new HookPlanner(engine.functions(), new KubeClusterView(engine.kube()));
        Optional<RunState> existing = existingRun(engine);
        HookPlanner.Planned planned = existing.isPresent() ? planner.resume(existing.get().plan(), options.run)
                : planner.plan(checked, options.run == null ? "plan" : options.run);
        InputProblems.report(planned.problems(), spec.commandLine().getErr());
        HookPlan plan = planned.plan();
        List<ActionPlan> plans = new ArrayList<>();
        for (String ns : plan.namespaces()) {
            for (HookSlot slot : HookSlot.values()) {
                for (HookReference h : plan.hooks().get(slot).stream().toList()) {
                    ActionPlan p = engine.actions().plan(plan.request(h, ns, 1, Map.of()));
                    hooks.put(p, slot.key());
                    plans.add(p);
                }
            }
        }
        return plans;
    }

    /** With --run (or --state) naming a run that exists: that run, planned from its state. */
    private Optional<RunState> existingRun(Engine engine) throws Exception {
        if (options.state != null) {
            return FileRunStateStore.read(options.state);
        }
        if (options.run == null) {
            return Optional.empty();
        }
        return SecretRunStateStore.open(engine.kube(), options.homeNamespace(), options.run).map(s -> s.state());
    }

    /**
     * The plans as printed, each with the hook slot it belongs to (hooks) — rendered arguments that hold secret values
     * show them masked.
     */
    private static List<Map<String, Object>> view(List<ActionPlan> plans, Map<ActionPlan, String> hooks,
                                                  SecretValues secrets) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ActionPlan p : plans) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (hooks.containsKey(p)) {
                m.put("hook", hooks.get(p));
            }
            m.put("namespace", p.subject().namespace());
            m.put("blueprint", p.blueprint());
            m.put("action", p.action());
            m.put("subject", p.subject().describe());
            if (p.error() != null) {
                m.put("error", p.error());
            }
            List<Map<String, Object>> phases = new ArrayList<>();
            for (ActionPlan.Phase ph : p.phases()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("phase", ph.name() + (ph.defer() ? " (defer)" : ""));
                pm.put("function", ph.function());
                if (ph.args() != null) {
                    pm.put("args", masked(ph.args(), secrets));
                }
                if (ph.deferred() != null) {
                    pm.put("note", ph.deferred());
                }
                if (ph.error() != null) {
                    pm.put("error", ph.error());
                }
                phases.add(pm);
            }
            m.put("phases", phases);
            list.add(m);
        }
        return list;
    }

    private static Object masked(Object value, SecretValues secrets) {
        if (value instanceof String s) {
            return secrets.mask(s);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> masked(v, secrets)).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, masked(v, secrets)));
            return out;
        }
        return value;
    }
}
