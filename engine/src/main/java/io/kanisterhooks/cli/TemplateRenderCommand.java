package io.kanisterhooks.cli;

import io.kanisterhooks.conformance.CorpusCase;
import io.kanisterhooks.conformance.CorpusResult;
import io.kanisterhooks.conformance.CorpusRunner;
import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.params.TemplateParamSecrets;
import io.kanisterhooks.params.TemplateParamsJson;
import io.kanisterhooks.render.Dialect;
import io.kanisterhooks.render.TemplateSyntax;
import io.kanisterhooks.secrets.SecretValues;
import io.kanisterhooks.template.MissingKey;
import io.kanisterhooks.yaml.InputException;
import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.SourcePosition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code kanister-hooks template render}: renders one template through the same code path the engine uses, so users can
 * debug a blueprint string, a Wait/WaitV2 condition or a JSONPath against their own data.
 */
@Command(name = "render",
        mixinStandardHelpOptions = true,
        description = {"Render TEMPLATE as Kanister would and print the output.",
                "Exit status 0 on success, 2 for bad input (files, options) and with Go's error message if the "
                        + "template fails; secret values of the data (Secrets) are masked in errors."})
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
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Problems problems = new Problems();
        if (data != null && params != null) {
            problems.error(SourcePosition.ofFile("--data"), "--data and --params are exclusive");
        }
        if (mode != Mode.render && object == null) {
            problems.error(SourcePosition.ofFile("--object"), "--mode " + mode + " needs --object");
        }
        MissingKey missing = missingKey(problems);
        Object templateData = templateData(problems);
        Map<String, Object> obj = object == null ? null : file(problems, () -> TemplateCommandFiles.readObject(object));
        if (mode == Mode.waitv2) {
            // Kanister treats a WaitV2 condition that does not parse as false; someone debugging one wants the error
            TemplateSyntax.check(template, Dialect.WAIT_V2).ifPresent(e -> problems.error(
                    SourcePosition.ofFile("TEMPLATE"), e.message() + " (Kanister would treat this condition as "
                            + "false and wait until its timeout)"));
        }
        InputProblems.report(problems, err, "nothing was rendered");
        SecretValues secrets = TemplateParamSecrets.addTo(new SecretValues(), templateData);
        CorpusCase request = new CorpusCase("template", mode.name(), template, templateData, obj, missing,
                Dialect.Functions.KSPRIG, allowMissingKeys, "UTC");
        CorpusResult result = new CorpusRunner().run(request);
        if (result.resolvedCondition() != null) {
            err.println("resolved condition: " + secrets.mask(result.resolvedCondition()));
        }
        if (result.error() != null) {
            err.println(secrets.mask(result.error().getMessage()));
            if (!result.error().kanisterMessage().equals(result.error().getMessage())) {
                err.println("(Kanister reports: " + secrets.mask(result.error().kanisterMessage()) + ")");
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

    private MissingKey missingKey(Problems problems) {
        if (missingKey == null) {
            return null;
        }
        try {
            return MissingKey.parse(missingKey);
        } catch (IllegalArgumentException e) {
            problems.error(SourcePosition.ofFile("--missingkey"), e.getMessage() + " (use error, zero or default)");
            return null;
        }
    }

    private Object templateData(Problems problems) {
        if (params != null) {
            Map<String, Object> json = file(problems, () -> TemplateCommandFiles.readObject(params));
            try {
                return json == null ? null : TemplateParamsJson.decode(json);
            } catch (IllegalArgumentException | GoError e) {
                problems.error(SourcePosition.ofFile(params.toString()), "not TemplateParams: " + e.getMessage());
                return null;
            }
        }
        return data == null ? null : file(problems, () -> TemplateCommandFiles.read(data));
    }

    /** Reads one input file; a problem with it is recorded and gives null. */
    private static <T> T file(Problems problems, FileRead<T> read) {
        try {
            return read.get();
        } catch (InputException e) {
            problems.error(e.position(), e.getMessage());
            return null;
        }
    }

    private interface FileRead<T> {
        T get() throws InputException;
    }
}
