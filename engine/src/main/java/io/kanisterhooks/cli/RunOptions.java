package io.kanisterhooks.cli;

import io.kanisterhooks.hooks.HookReference;
import io.kanisterhooks.hooks.OnError;
import io.kanisterhooks.hooks.PlanRequest;
import io.kanisterhooks.hooks.run.HookRun;
import io.kanisterhooks.yaml.Problems;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options only a hook run uses — how hooks run (parallelism, timeouts, failure policy), its reports, claims and
 * aborts — of {@code hooks pre|post} and {@code wrap}; {@code plan} runs nothing and has none of them.
 */
final class RunOptions {

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

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Write kanister-hooks-result.json, "
            + "kanister-hooks-junit.xml and kanister-hooks-report.html here.")
    Path reportDir;

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

    @Option(names = "--no-hooks-on-abort", description = "On SIGTERM/SIGINT (and for hooks post --outcome aborted), "
            + "do not run onFailure and always: the run is abandoned (its hook pods deleted, its claims released).")
    boolean noHooksOnAbort;

    /**
     * Checks these options into {@code request} (bad durations are problems, and their defaults are used), with every
     * problem in {@code problems}.
     */
    void check(PlanRequest.Builder request, Problems problems) {
        settings(problems);
        request.parallelism(parallelism)
                .defaultTimeout(Durations.positive("--timeout", timeout, HookReference.DEFAULT_TIMEOUT, problems))
                .claimTtl(Durations.positive("--claim-ttl", claimTtl, PlanRequest.DEFAULT_CLAIM_TTL, problems))
                .defaultOnError(onError(problems));
        OptionChecks.outputDirectory("--report-dir", reportDir, problems);
        if (retries != null && retries < 0) {
            problems.error(OptionChecks.at("--retries"), "--retries must not be negative, not " + retries);
        }
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

    HookRun.Settings settings(Problems problems) {
        return new HookRun.Settings(Durations.nonNegative("--lock-wait", lockWait, Duration.ZERO, problems),
                !noRecover, !noHooksOnAbort, System.getenv("BUILD_TAG"));
    }
}
