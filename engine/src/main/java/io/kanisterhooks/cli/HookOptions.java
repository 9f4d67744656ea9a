package io.kanisterhooks.cli;

import io.kanisterhooks.functions.FunctionRegistry;
import io.kanisterhooks.hooks.HookPlanner;
import io.kanisterhooks.hooks.HookSlot;
import io.kanisterhooks.hooks.PlanRequest;
import io.kanisterhooks.hooks.run.HookRun;
import io.kanisterhooks.yaml.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that choose and render hooks — hooks, blueprints, namespaces, subject, options, the run to continue —
 * shared by {@code hooks pre|post}, {@code wrap} and {@code plan}; what only a run uses is in {@link RunOptions}.
 */
final class HookOptions {

    @Option(names = "--hooks-file", paramLabel = "FILE[#ACTION]", description = "Hooks in K10's shape: a hooks: "
            + "document, a K10 Policy (choose its backup/export/restore hooks with #ACTION) or a K10 Action.")
    String hooksFile;

    @Option(names = "--pre-hook", paramLabel = "BLUEPRINT/ACTION", description = "Run before the stage.")
    String preHook;

    @Option(names = "--on-success", paramLabel = "BLUEPRINT/ACTION", description = "Run after the stage succeeded.")
    String onSuccess;

    @Option(names = "--on-failure", paramLabel = "BLUEPRINT/ACTION",
            description = "Run after the stage (or a hook) failed; never retried.")
    String onFailure;

    @Option(names = "--always", paramLabel = "BLUEPRINT/ACTION",
            description = "Run last, whatever happened; never retried.")
    String always;

    @Option(names = "--blueprint", paramLabel = "FILE|NAME", description = "A blueprint file (or directory) to load, "
            + "or the name of a Blueprint in --blueprint-namespace. Repeatable. Hooks whose blueprint is in no file "
            + "are looked up in the cluster.")
    List<String> blueprints = new ArrayList<>();

    @Option(names = "--blueprint-namespace", paramLabel = "NS", defaultValue = "kasten-io",
            description = "Where Blueprint objects (and the pod-spec-override ConfigMap) live. Default: ${DEFAULT-VALUE}.")
    String blueprintNamespace;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "A namespace the hooks run for. Repeatable.")
    List<String> namespaces = new ArrayList<>();

    @Option(names = "--namespace-selector", paramLabel = "SELECTOR",
            description = "Label selector of the namespaces the hooks run for (resolved once, when the run starts).")
    String namespaceSelector;

    @Option(names = "--subject", paramLabel = "KIND/NAME", description = "Subject of hooks that name none: namespace, "
            + "statefulset/NAME, deployment/NAME, deploymentconfig/NAME or pvc/NAME, in each hook's namespace.")
    String subject;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "A value for .Options (repeatable); a hook's "
            + "own options win.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--force-root-in-hooks", paramLabel = "BOOL", arity = "1", defaultValue = "true",
            description = "Run hook pods as root (K10's forceRootInKanisterHooks). false: use the phase's own "
                    + "podOverride securityContext, or an empty one. Default: ${DEFAULT-VALUE}.")
    boolean forceRootInHooks;

    @Option(names = "--home-namespace", paramLabel = "NS", description = "Where KubeTask and MultiContainerRun pods "
            + "without a namespace argument run. Default: the blueprint namespace.")
    String homeNamespace;

    @Option(names = "--run", paramLabel = "ID", description = "The run: a new one with this id, or the unfinished "
            + "run to continue (hooks post; hooks pre after a stage retry; plan: what its remaining hooks would run). "
            + "Default: a new run with a generated id (hooks post needs --run or --state).")
    String run;

    @Option(names = "--state", paramLabel = "FILE", description = "Keep the run's state in this local file (written "
            + "0600) instead of a Secret in the home namespace (plan: read the run from it).")
    Path state;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    String homeNamespace() {
        return homeNamespace != null ? homeNamespace : blueprintNamespace;
    }

    /**
     * Everything these options (and {@code run}'s, null for {@code plan}) say that can be checked without the cluster
     * — option values, files, hook specs, blueprint files — with every problem in {@code problems}. What a new run
     * needs but the options do not give (hooks, namespaces) is a problem too when {@code step} certainly starts a new
     * run.
     */
    HookPlanner.Checked check(HookRun.Step step, RunOptions runOptions, Problems problems) {
        PlanRequest.Builder request = request();
        if (runOptions != null) {
            runOptions.check(request, problems);
        }
        HookPlanner.Checked checked = HookPlanner.check(FunctionRegistry.standard(), request.build());
        problems.addAll(checked.problems());
        if (startsNewRun(step)) {
            problems.addAll(checked.newRunProblems());
        }
        OptionChecks.runId("--run", run, problems);
        OptionChecks.stateFile(state, problems);
        if (step == HookRun.Step.POST && run == null && state == null) {
            problems.error(OptionChecks.at("--run"), "hooks post needs the run to finish: --run ID (printed by hooks "
                    + "pre) or --state FILE");
        }
        return checked;
    }

    /** Whether this invocation can only start a new run: no run named, no existing state file to continue. */
    boolean startsNewRun(HookRun.Step step) {
        return step != HookRun.Step.POST && run == null && (state == null || !Files.exists(state));
    }

    /** The planner's input from these options; what only a run uses keeps the planner's defaults. */
    private PlanRequest.Builder request() {
        return PlanRequest.builder().hooksFile(hooksFile).hook(HookSlot.PRE_HOOK, preHook)
                .hook(HookSlot.ON_SUCCESS, onSuccess).hook(HookSlot.ON_FAILURE, onFailure)
                .hook(HookSlot.ALWAYS, always).blueprints(blueprints).blueprintNamespace(blueprintNamespace)
                .namespaces(namespaces).namespaceSelector(namespaceSelector).subject(subject).options(options)
                .forceRoot(forceRootInHooks).homeNamespace(homeNamespace);
    }

    HookRun.Where where() {
        return new HookRun.Where(run, state);
    }
}
