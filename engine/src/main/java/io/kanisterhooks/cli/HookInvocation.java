package io.kanisterhooks.cli;

import io.kanisterhooks.action.Engine;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.hooks.RunOutcome;
import io.kanisterhooks.hooks.run.HookRun;
import java.io.PrintStream;

/**
 * What a hook command holds while it runs: the engine, the abort signals, and the run it opened. Progress goes to
 * {@code console} (stderr), the JSON result to stdout.
 */
final class HookInvocation implements AutoCloseable {

    final Engine engine;
    final Cancellation abort = Cancellation.none();
    final AbortSignals signals;
    final HookRun run;

    HookInvocation(HookOptions options, HookRun.Step step, PrintStream console) throws Exception {
        this.engine = Connections.engine(options.cluster);
        this.signals = AbortSignals.install(abort);
        try {
            this.run = HookRun.open(engine, step, options.request(), options.where(), options.settings(), abort,
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
    void printResult(java.io.PrintWriter out, RunOutcome outcome) {
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
