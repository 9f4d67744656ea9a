package io.kanisterhooks.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kanister-hooks template}: render templates the way Kanister does, for debugging and conformance checks. */
@Command(name = "template",
        mixinStandardHelpOptions = true,
        description = "Render Kanister templates (blueprint args, Wait and WaitV2 conditions, JSONPath) exactly as "
                + "Kanister does.",
        subcommands = {TemplateRenderCommand.class, TemplateConformanceCommand.class})
public final class TemplateCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
