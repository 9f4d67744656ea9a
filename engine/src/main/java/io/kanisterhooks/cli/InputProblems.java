package io.kanisterhooks.cli;

import io.kanisterhooks.yaml.Problem;
import io.kanisterhooks.yaml.Problems;
import java.io.PrintWriter;
import java.util.List;

/** Problems of the user's input, printed like {@code validate} prints them; errors make the command exit 2. */
final class InputProblems {

    private InputProblems() {
    }

    /** Prints every problem (warnings too); errors make the command fail as bad input. */
    static void report(Problems problems, PrintWriter err) {
        report(problems, err, "nothing was run");
    }

    /** As {@link #report(Problems, PrintWriter)}; {@code consequence} ends the summary line. */
    static void report(Problems problems, PrintWriter err, String consequence) {
        List<Problem> sorted = problems.sorted();
        sorted.forEach(err::println);
        err.flush();
        if (problems.hasErrors()) {
            throw new UserInputException(problems.errorCount() + " problem" + (problems.errorCount() == 1 ? "" : "s")
                    + " found; " + consequence);
        }
    }
}
