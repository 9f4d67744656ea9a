package io.kanisterhooks.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code kanister-hooks} command. */
@Command(name = "kanister-hooks",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Kanister execution hooks: validate blueprints, render templates, run blueprint actions and hooks.",
        subcommands = {CommandLine.HelpCommand.class,
                TemplateCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
