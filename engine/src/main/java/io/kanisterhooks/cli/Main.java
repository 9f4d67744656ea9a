package io.kanisterhooks.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point of the {@code kanister-hooks} command. */
@Command(name = "kanister-hooks",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Kanister execution hooks: validate blueprints, render templates, run blueprint actions and hooks.")
public final class Main implements Runnable {

    /** The subcommands, in the order the usage lists them. */
    static final List<String> SUBCOMMANDS = List.of("validate", "run-action", "hooks", "wrap", "plan", "runs",
            "template", "help");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of unexpected errors.")
    boolean debug;

    @Override
    public void run() {
        // no command is a usage error (as with a command that does not exist): the usage on stderr, exit 2
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "no command given");
    }

    /** A configured command line with every subcommand, for tests. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /**
     * The command line for {@code args}: with only the subcommand they invoke, because picocli builds the model of
     * every registered command from its annotations up front (reflection over all their options and mixins, half of
     * a {@code --version}'s CPU time); with none for {@code --version}; with all of them otherwise (usage,
     * {@code help}, a misspelt name, which picocli answers with suggestions).
     */
    static CommandLine commandLine(String[] args) {
        List<String> given = List.of(args);
        for (String arg : given) {
            if (!arg.startsWith("-")) {
                return commandLine(SUBCOMMANDS.contains(arg) && !arg.equals("help") ? List.of(arg) : SUBCOMMANDS);
            }
        }
        boolean versionOnly = (given.contains("-V") || given.contains("--version"))
                && !given.contains("-h") && !given.contains("--help");
        return commandLine(versionOnly ? List.of() : SUBCOMMANDS);
    }

    private static CommandLine commandLine(List<String> subcommands) {
        ErrorReporting errors = new ErrorReporting();
        CommandLine cli = new CommandLine(new Main());
        subcommands.forEach(name -> cli.addSubcommand(subcommand(name)));
        return cli.setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setExecutionStrategy(Main::execute)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** A new instance of the subcommand named {@code name}: only its class is loaded. */
    private static Object subcommand(String name) {
        return switch (name) {
            case "validate" -> new ValidateCommand();
            case "run-action" -> new RunActionCommand();
            case "hooks" -> new HooksCommand();
            case "wrap" -> new WrapCommand();
            case "plan" -> new PlanCommand();
            case "runs" -> new RunsCommand();
            case "template" -> new TemplateCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
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
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // The Jenkins library asks for the version before every step's first command: answered without picocli,
            // whose command model alone costs more CPU than the rest of the JVM's start (see README, CLI start-up).
            System.out.println(new VersionProvider().getVersion()[0]);
            System.exit(ExitCodes.OK);
        }
        System.exit(commandLine(args).execute(args));
    }
}
