package io.kanisterhooks.cli;

import io.kanisterhooks.hooks.claims.ClaimException;
import io.kanisterhooks.hooks.run.RunRefusedException;
import io.kanisterhooks.hooks.state.RunStateWriteException;
import io.kanisterhooks.kube.KubeException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns exceptions into exit codes and short messages: bad input is exit 2 with its message only; anything unexpected
 * is exit 1 with a one-line summary, and the stack trace only with {@code --debug}.
 */
final class ErrorReporting implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof UserInputException) {
            err.println("error: " + ex.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof RunRefusedException refused) {
            refused.problems().sorted().forEach(err::println);
            err.println("error: " + ex.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof ClaimException || ex instanceof KubeException || ex instanceof RunStateWriteException) {
            // the environment: another run, the API server, RBAC — the message says what to check
            err.println("error: " + ex.getMessage());
            return ExitCodes.FAILURE;
        }
        err.println("internal error: " + summary(ex));
        if (isDebug(parseResult)) {
            ex.printStackTrace(err);
        } else {
            err.println("(run with --debug for details)");
        }
        return ExitCodes.FAILURE;
    }

    private static String summary(Throwable ex) {
        String message = ex.getMessage();
        return ex.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    private static boolean isDebug(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult root = parseResult;
        while (root != null) {
            if (root.hasMatchedOption("--debug")) {
                return true;
            }
            root = root.subcommand();
        }
        return "true".equals(System.getenv("KANISTER_HOOKS_DEBUG"));
    }
}
