package io.kanisterhooks.cli;

import io.kanisterhooks.hooks.claims.ClaimException;
import io.kanisterhooks.hooks.run.RunRefusedException;
import io.kanisterhooks.hooks.state.RunStateWriteException;
import io.kanisterhooks.kube.KubeException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns exceptions into exit codes and short messages: bad input (a command line picocli cannot parse, a problem of
 * the input) is exit 2 with its message only; the environment (the API server, RBAC, another run) is exit 1 with a
 * message that says what to check; anything else is a bug: exit 1, "internal error" with a one-line summary and how
 * to report it, and the stack trace only with {@code --debug}.
 */
final class ErrorReporting implements CommandLine.IExecutionExceptionHandler,
        CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        // picocli starts some messages with its own "Error: "
        err.println("error: " + String.valueOf(ex.getMessage()).replaceFirst("^Error: ", ""));
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            unmatched.getSuggestions().stream().findFirst().ifPresent(s -> err.println("did you mean " + s + "?"));
        }
        err.println("(see: " + cmd.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

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
        return internalError(ex, err, isDebug(parseResult));
    }

    /** A bug: a one-line summary, and how to report it. */
    static int internalError(Throwable ex, PrintWriter err, boolean debug) {
        err.println("internal error: " + summary(ex));
        if (debug) {
            ex.printStackTrace(err);
        }
        err.println("This is a bug in kanister-hooks. Please report it to its maintainers with the command line and "
                + (debug ? "the output above" : "the output of the same command with --debug") + " (secret values "
                + "in it are masked).");
        err.flush();
        return ExitCodes.FAILURE;
    }

    private static String summary(Throwable ex) {
        String message = ex.getMessage();
        return ex.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    static boolean isDebug(CommandLine.ParseResult parseResult) {
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
