package io.kanisterhooks.cli;

import io.kanisterhooks.functions.FunctionRegistry;
import io.kanisterhooks.hooks.HookPlanner;
import io.kanisterhooks.hooks.HookReference;
import io.kanisterhooks.hooks.HookSlot;
import io.kanisterhooks.hooks.OnError;
import io.kanisterhooks.hooks.PlanRequest;
import io.kanisterhooks.hooks.run.HookRun;
import io.kanisterhooks.yaml.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The one option vocabulary of {@code hooks pre|post}, {@code wrap} and {@code plan}. */
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

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "8",
            description = "Namespaces handled at once. Default: ${DEFAULT-VALUE}.")
    int parallelism;

    /** {@code wrap --retries}, set by {@link WrapCommand} (the other commands have no such option), checked here. */
    Integer retries;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Timeout of each hook attempt that sets none "
            + "itself (Go duration, e.g. 90s, 20m). Default: 20m, K10's hook timeout.")
    String timeout;

    @Option(names = "--on-error", paramLabel = "Fail|Continue", description = "What the final failure of a hook "
            + "that sets no onError does: Fail (K10's behaviour) or Continue (reported as a failure that the run went "
            + "on from; it does not fail the exit code). Default: Fail.")
    String onError;

    @Option(names = "--force-root-in-hooks", paramLabel = "BOOL", arity = "1", defaultValue = "true",
            description = "Run hook pods as root (K10's forceRootInKanisterHooks). false: use the phase's own "
                    + "podOverride securityContext, or an empty one. Default: ${DEFAULT-VALUE}.")
    boolean forceRootInHooks;

    @Option(names = "--home-namespace", paramLabel = "NS", description = "Where KubeTask and MultiContainerRun pods "
            + "without a namespace argument run. Default: the blueprint namespace.")
    String homeNamespace;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Write kanister-hooks-result.json, "
            + "kanister-hooks-junit.xml and kanister-hooks-report.html here.")
    Path reportDir;

    @Option(names = "--run", paramLabel = "ID", description = "The run: a new one with this id, or the unfinished "
            + "run to continue (hooks post; hooks pre after a stage retry). Default: a new run with a generated id "
            + "(hooks post needs --run or --state).")
    String run;

    @Option(names = "--state", paramLabel = "FILE", description = "Keep the run's state in this local file (written "
            + "0600) instead of a Secret in the home namespace.")
    Path state;

    @Option(names = "--claim-ttl", paramLabel = "DURATION", description = "How long the run's claims on its "
            + "namespaces stay valid without renewal (a live process renews them; between hooks pre and hooks post "
            + "nothing does, so it must cover the stage). Default: 1h.")
    String claimTtl;

    @Option(names = "--lock-wait", paramLabel = "DURATION", description = "Wait this long for namespaces that another "
            + "run holds, instead of failing at once.")
    String lockWait;

    @Option(names = "--no-recover", description = "Fail when a stale run holds one of the namespaces, instead of "
            + "recovering it first (onFailure and always with its artifacts).")
    boolean noRecover;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Option(names = "--no-hooks-on-abort", description = "On SIGTERM/SIGINT, do not run onFailure and always.")
    boolean noHooksOnAbort;

    String homeNamespace() {
        return homeNamespace != null ? homeNamespace : blueprintNamespace;
    }

    /**
     * Everything these options say that can be checked without the cluster — option values, files, hook specs,
     * blueprint files — with every problem in {@code problems}. What a new run needs but the options do not give
     * (hooks, namespaces) is a problem too when {@code step} certainly starts a new run.
     */
    HookPlanner.Checked check(HookRun.Step step, Problems problems) {
        settings(problems);
        HookPlanner.Checked checked = HookPlanner.check(FunctionRegistry.standard(), request(problems));
        problems.addAll(checked.problems());
        if (startsNewRun(step)) {
            problems.addAll(checked.newRunProblems());
        }
        OptionChecks.runId("--run", run, problems);
        OptionChecks.stateFile(state, problems);
        OptionChecks.reportDir(reportDir, problems);
        if (retries != null && retries < 0) {
            problems.error(OptionChecks.at("--retries"), "--retries must not be negative, not " + retries);
        }
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

    /** The planner's input from the command line; bad durations are problems (and their defaults are used). */
    PlanRequest request(Problems problems) {
        return PlanRequest.builder().hooksFile(hooksFile).hook(HookSlot.PRE_HOOK, preHook)
                .hook(HookSlot.ON_SUCCESS, onSuccess).hook(HookSlot.ON_FAILURE, onFailure)
                .hook(HookSlot.ALWAYS, always).blueprints(blueprints).blueprintNamespace(blueprintNamespace)
                .namespaces(namespaces).namespaceSelector(namespaceSelector).subject(subject).options(options)
                .parallelism(parallelism).defaultTimeout(Durations.positive("--timeout", timeout,
                        HookReference.DEFAULT_TIMEOUT, problems)).forceRoot(forceRootInHooks)
                .homeNamespace(homeNamespace).claimTtl(Durations.positive("--claim-ttl", claimTtl,
                        PlanRequest.DEFAULT_CLAIM_TTL, problems)).defaultOnError(onError(problems)).build();
    }

    private OnError onError(Problems problems) {
        if (onError == null) {
            return OnError.FAIL;
        }
        return OnError.parse(onError).orElseGet(() -> {
            problems.error(OptionChecks.at("--on-error"), "--on-error " + onError + ": expected Fail or Continue");
            return OnError.FAIL;
        });
    }

    HookRun.Where where() {
        return new HookRun.Where(run, state);
    }

    HookRun.Settings settings(Problems problems) {
        return new HookRun.Settings(Durations.nonNegative("--lock-wait", lockWait, Duration.ZERO, problems),
                !noRecover, !noHooksOnAbort, System.getenv("BUILD_TAG"));
    }
}
