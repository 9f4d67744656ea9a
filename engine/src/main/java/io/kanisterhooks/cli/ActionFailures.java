package io.kanisterhooks.cli;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.PhaseResult;
import io.kanisterhooks.secrets.SecretValues;
import java.io.PrintWriter;

/** The stderr explanation of a failed action: which phase, why, and its last log lines. */
final class ActionFailures {

    private ActionFailures() {
    }

    static void print(ActionResult r, PrintWriter err, SecretValues secrets) {
        PhaseResult failed = r.failedPhase();
        synchronized (err) {
            err.println("FAILED " + r.subject().namespace() + "/" + r.action() + " on " + r.subject().describe()
                    + (failed == null ? "" : ", phase " + failed.name() + " (" + failed.function() + ")") + ": "
                    + secrets.mask(r.error()));
            if (failed != null && !failed.logTail().isEmpty()) {
                err.println("  last log lines:");
                failed.logTail().forEach(l -> err.println("  | " + secrets.mask(l)));
            }
            err.flush();
        }
    }
}
