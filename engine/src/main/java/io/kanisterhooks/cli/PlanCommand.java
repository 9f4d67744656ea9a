package io.kanisterhooks.cli;

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
import io.kanisterhooks.hooks.report.PlanJUnitReport;
import io.kanisterhooks.hooks.run.HookRun;
import io.kanisterhooks.hooks.state.FileRunStateStore;
import io.kanisterhooks.hooks.state.RunState;
import io.kanisterhooks.hooks.state.SecretRunStateStore;
import io.kanisterhooks.yaml.OutputFile;
import io.kanisterhooks.yaml.Problems;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
        description = {"Show what the hooks would run, per hook slot (in the order they run) and namespace: blueprint "
                + "action, subject, and each phase's arguments rendered (arguments that use earlier phases' outputs or "
                + "input artifacts are rendered when the action runs). Reads the cluster — the subject, the Secrets and "
                + "ConfigMaps the phases name, the blueprints — and creates nothing.",
            "With --action, plans one blueprint action instead (the arguments of run-action).",
            "Exit 0 when every hook would start and its phases render, 1 when one would not (its subject or an "
                    + "object it names is missing, a phase fails to render: with --junit, its test case fails), 2 "
                    + "for bad input (also a Blueprint or namespace that does not exist)."})
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

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default: grouped by hook slot), yaml or json (a list of entries, each naming its "
                    + "slot as hook).")
    PlanOutput.Format output;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the plan as JUnit XML: a test case per "
            + "namespace and hook, failed with the reason when the hook would not start or a phase would not render.")
    Path junit;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the plan as -o json prints it, "
            + "whatever -o prints: the text and the entries from one invocation.")
    Path json;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Problems problems = new Problems();
        Instant started = Instant.now();
        Static input = action != null ? actionInput(problems) : new Static(null, options.check(HookRun.Step.PRE,
                null, problems), null, null);
        OptionChecks.outputFile("--junit", junit, problems);
        OptionChecks.outputFile("--json", json, problems);
        Engine connected = Connections.engine(options.cluster, problems);
        InputProblems.report(problems, err);
        try (Engine engine = connected) {
            List<PlanJUnitReport.Case> plans = action != null ? actionPlans(engine, input, err)
                    : hookPlans(engine, input.hooks());
            spec.commandLine().getOut().println(PlanOutput.render(output, plans, action == null, engine.secrets()));
            spec.commandLine().getOut().flush();
            if (junit != null) {
                OutputFile.replace(junit, PlanJUnitReport.render(plans, started,
                        Duration.between(started, Instant.now()), engine.secrets()));
            }
            if (json != null) {
                // as stdout has it with -o json, its line end included
                OutputFile.replace(json, PlanOutput.render(PlanOutput.Format.json, plans, action == null,
                        engine.secrets()) + System.lineSeparator());
            }
            boolean ok = plans.stream().allMatch(c -> PlanJUnitReport.reasons(c.plan()).isEmpty());
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

    private List<PlanJUnitReport.Case> actionPlans(Engine engine, Static input, PrintWriter err) throws Exception {
        Blueprint bp = input.blueprint().resolve(engine, err);
        List<PlanJUnitReport.Case> plans = new ArrayList<>();
        for (String ns : options.namespaces) {
            for (Subject s : input.subjects()) {
                Subject subject = s.isNamespace() ? Subject.namespace(ns) : Subject.of(s.kind(), s.name(), ns);
                plans.add(new PlanJUnitReport.Case(PlanOutput.ACTION, engine.actions().plan(new ActionRequest(bp,
                        action, subject, options.options, input.artifactsIn(), PodSettings.NONE,
                        options.homeNamespace()))));
            }
        }
        return plans;
    }

    /** Per namespace, in the order the hooks run, each with its slot. */
    private List<PlanJUnitReport.Case> hookPlans(Engine engine, HookPlanner.Checked checked) throws Exception {
        HookPlanner planner = new HookPlanner(engine.functions(), new KubeClusterView(engine.kube()));
        Optional<RunState> existing = existingRun(engine);
        HookPlanner.Planned planned = existing.isPresent() ? planner.resume(existing.get().plan(), options.run)
                : planner.plan(checked, options.run == null ? "plan" : options.run);
        InputProblems.report(planned.problems(), spec.commandLine().getErr());
        HookPlan plan = planned.plan();
        List<PlanJUnitReport.Case> plans = new ArrayList<>();
        for (String ns : plan.namespaces()) {
            for (HookSlot slot : HookSlot.values()) {
                for (HookReference h : plan.hooks().get(slot).stream().toList()) {
                    plans.add(new PlanJUnitReport.Case(slot.key(),
                            engine.actions().plan(plan.request(h, ns, 1, Map.of()))));
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
}
