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
import io.kanisterhooks.hooks.state.FileRunStateStore;
import io.kanisterhooks.hooks.state.RunState;
import io.kanisterhooks.hooks.state.SecretRunStateStore;
import java.util.ArrayList;
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
        try (Engine engine = Connections.engine(options.cluster)) {
            List<ActionPlan> plans = action != null ? actionPlans(engine) : hookPlans(engine);
            spec.commandLine().getOut().println(ResultFormat.render(output, view(plans)));
            spec.commandLine().getOut().flush();
            boolean ok = plans.stream().allMatch(p -> p.error() == null
                    && p.phases().stream().allMatch(ph -> ph.error() == null));
            return ok ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    private List<ActionPlan> actionPlans(Engine engine) throws Exception {
        if (options.blueprints.size() != 1 || options.namespaces.isEmpty()) {
            throw new UserInputException("plan --action needs exactly one --blueprint and at least one --namespace");
        }
        Blueprint bp = InputProblems.blueprint(engine, options.blueprints.get(0), options.blueprintNamespace, action,
                spec.commandLine().getErr());
        ActionOptions single = new ActionOptions();
        single.artifacts = artifacts;
        Map<String, Artifact> artifactsIn = single.artifactsIn();
        List<ActionPlan> plans = new ArrayList<>();
        for (String ns : options.namespaces) {
            single.namespace = ns;
            single.subjects = options.subject == null ? List.of() : List.of(options.subject);
            for (Subject subject : single.subjects()) {
                plans.add(engine.actions().plan(new ActionRequest(bp, action, subject, options.options, artifactsIn,
                        PodSettings.NONE, options.homeNamespace())));
            }
        }
        return plans;
    }

    private List<ActionPlan> hookPlans(Engine engine) throws Exception {
        HookPlanner planner = new HookPlanner(engine.functions(), new KubeClusterView(engine.kube()));
        Optional<RunState> existing = existingRun(engine);
        HookPlanner.Planned planned = existing.isPresent() ? planner.resume(existing.get().plan(), options.run)
                : planner.plan(options.request(), options.run == null ? "plan" : options.run);
        InputProblems.report(planned.problems(), spec.commandLine().getErr());
        HookPlan plan = planned.plan();
        List<ActionPlan> plans = new ArrayList<>();
        for (String ns : plan.namespaces()) {
            for (HookSlot slot : HookSlot.values()) {
                for (HookReference h : plan.hooks().get(slot).stream().toList()) {
                    plans.add(engine.actions().plan(plan.request(h, ns, 1, Map.of())));
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

    private static List<Map<String, Object>> view(List<ActionPlan> plans) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ActionPlan p : plans) {
            Map<String, Object> m = new LinkedHashMap<>();
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
                    pm.put("args", ph.args());
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
}
