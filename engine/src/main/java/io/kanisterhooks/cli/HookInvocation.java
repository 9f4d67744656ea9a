package io.kanisterhooks.cli;

import io.kanisterhooks.action.Engine;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.hooks.HookPlanner;
import io.kanisterhooks.hooks.RunOutcome;
import io.kanisterhooks.hooks.report.ReportFiles;
import io.kanisterhooks.hooks.run.HookRun;
import io.kanisterhooks.yaml.Problems;
import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * What a hook command holds while it runs: the engine, the abort signals, and the run it opened. Progress goes to
 * {@code console} (stderr), the JSON result to stdout.
 */
final class HookInvocation implements AutoCloseable {

    final Engine engine;
    final Cancellation abort = Cancellation.none();
    final AbortSignals signals;
    final HookRun run;

    /**
     * Checks every static input first (options, files, hook specs, blueprint files, the kubeconfig) and reports all
     * problems at once as bad input before the first request to the API server; then opens the run.
     *
     * @param err where problems are printed
     */
    HookInvocation(HookOptions options, RunOptions runOptions, HookRun.Step step, PrintStream console,
                   PrintWriter err) throws Exception {
        Problems problems = new Problems();
        Connections.Checked<HookPlanner.Checked> inputs = Connections.whileChecking(options.cluster, problems, err,
                () -> options.check(step, runOptions, problems));
        HookPlanner.Checked checked = inputs.checked();
        Engine connected = inputs.engine();
        if (runOptions.reportDir != null) {
            ReportFiles.prepare(); // the HTML report's template loads while the hooks run
        }
        this.engine = connected;
        this.signals = AbortSignals.install(abort);
        try {
            this.run = HookRun.open(engine, step, checked, options.where(), runOptions.settings(new Problems()), abort,
                    console);
        } catch (Exception | Error e) {
            signals.close();
            engine.close();
            throw e;
        }
    }

    /** The exit code: the signal's after an abort, else 0 when {@code ok}, 1 otherwise. */
    int exitCode(boolean ok) {
        if (signals.received()) {
            return signals.exitCode();
        }
        return ok ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** Prints the JSON result of {@code outcome} on {@code out}. */
    void printResult(PrintWriter out, RunOutcome outcome) {
        out.println(ResultFormat.render(ResultFormat.json, run.result(outcome)));
        out.flush();
    }

    @Override
    public void close() {
        try {
            run.close();
        } finally {
            signals.close();
            engine.close();
        }
    }
}
