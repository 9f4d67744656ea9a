package io.kanisterhooks.cli;

import io.kanisterhooks.conformance.CorpusCase;
import io.kanisterhooks.conformance.CorpusResult;
import io.kanisterhooks.conformance.CorpusRunner;
import io.kanisterhooks.params.TemplateParamsJson;
import io.kanisterhooks.render.Dialect;
import io.kanisterhooks.template.MissingKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code kanister-hooks template render}: renders one template through the same code path the engine uses, so users can
 * debug a blueprint string, a Wait/WaitV2 condition or a JSONPath against their own data.
 */
@Command(name = "render",
        mixinStandardHelpOptions = true,
        description = {"Render TEMPLATE as Kanister would and print the output.",
                "Exit status 0 on success, 2 with Go's error message if the template fails."})
final class TemplateRenderCommand implements Callable<Integer> {

    /** Exit status for a template that does not parse or fails to execute. */
    static final int TEMPLATE_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TEMPLATE", description = "The template text (or a condition, a JSONPath).")
    String template;

    @Option(names = "--mode", defaultValue = "render",
            description = "render (blueprint args), wait (Wait conditions), waitv2 (WaitV2 conditions) or jsonpath.")
    Mode mode;

    @Option(names = "--data", paramLabel = "FILE", description = "Plain template data (JSON or YAML).")
    Path data;

    @Option(names = "--params", paramLabel = "FILE",
            description = "TemplateParams (YAML or JSON): Go field names at the top (Options, Object, Secrets...), "
                    + "Kubernetes JSON for Secrets and ConfigMaps.")
    Path params;

    @Option(names = "--object", paramLabel = "FILE",
            description = "The Kubernetes object for wait, waitv2 and jsonpath (JSON or YAML).")
    Path object;

    @Option(names = "--missingkey", paramLabel = "OPTION",
            description = "Override text/template's missingkey option in render mode: error (Kanister's), zero, "
                    + "default.")
    String missingKey;

    @Option(names = "--allow-missing-keys", description = "jsonpath mode: missing keys select nothing.")
    boolean allowMissingKeys;

    enum Mode { render, wait, waitv2, jsonpath }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (data != null && params != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--data and --params are exclusive");
        }
        if (mode != Mode.render && object == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mode " + mode + " needs --object");
        }
        CorpusCase request = new CorpusCase("template", mode.name(), template, templateData(),
                object == null ? null : TemplateCommandFiles.readObject(object),
                missingKey == null ? null : MissingKey.parse(missingKey),
                Dialect.Functions.KSPRIG, allowMissingKeys, "UTC");
        CorpusResult result = new CorpusRunner().run(request);
        if (result.resolvedCondition() != null) {
            err.println("resolved condition: " + result.resolvedCondition());
        }
        if (result.error() != null) {
            err.println(result.error().getMessage());
            if (!result.error().kanisterMessage().equals(result.error().getMessage())) {
                err.println("(Kanister reports: " + result.error().kanisterMessage() + ")");
            }
            err.flush();
            return TEMPLATE_ERROR;
        }
        out.print(result.output());
        out.flush();
        if (result.result() != null) {
            err.println("condition: " + result.result());
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private Object templateData() throws IOException {
        if (params != null) {
            return TemplateParamsJson.decode(TemplateCommandFiles.readObject(params));
        }
        return data == null ? null : TemplateCommandFiles.read(data);
    }
}
