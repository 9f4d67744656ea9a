package io.kanisterhooks.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point of the {@code kanister-hooks} command. */
@Command(name = "kanister-hooks",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Kanister execution hooks: validate blueprints, render templates, run blueprint actions and hooks.",
        subcommands = {
            ValidateCommand.class,
            RunActionCommand.class,
            HooksCommand.class,
            WrapCommand.class,
            PlanCommand.class,
            RunsCommand.class,
            TemplateCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of unexpected errors.")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        ErrorReporting errors = new ErrorReporting();
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setExecutionStrategy(Main::execute)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /**
     * Runs the command. Input limits keep the stack and the heap from running out; should one still run out, the
     * command ends with a message and exit 2 (input the limits did not foresee) or 1, never a JVM trace.
     */
    private static int execute(CommandLine.ParseResult parseResult) {
        CommandLine cmd = parseResult.commandSpec().commandLine();
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (StackOverflowError e) {
            cmd.getErr().println("error: the input is nested too deeply to be processed (the stack ran out); "
                    + "see the README, Command reference: input limits");
            cmd.getErr().flush();
            return ExitCodes.BAD_INPUT;
        } catch (OutOfMemoryError e) {
            cmd.getErr().println("error: out of memory: the input is too large for this heap (give the JVM more with "
                    + "KANISTER_HOOKS_JAVA_OPTS=-Xmx...); see the README, Command reference: input limits");
            cmd.getErr().flush();
            return ExitCodes.FAILURE;
        } catch (Error e) {
            return ErrorReporting.internalError(e, cmd.getErr(), ErrorReporting.isDebug(parseResult));
        }
    }

    public static void main(String[] args) {
        // client-java and Velocity log through SLF4J; without a binding SLF4J would print a warning on every run.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(commandLine().execute(args));
    }
}
