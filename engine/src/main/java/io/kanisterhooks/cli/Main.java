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
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(new ErrorReporting())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        // client-java and Velocity log through SLF4J; without a binding SLF4J would print a warning on every run.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(commandLine().execute(args));
    }
}
