package io.kanisterhooks.cli;

import com.google.gson.GsonBuilder;
import io.kanisterhooks.blueprint.BlueprintValidator;
import io.kanisterhooks.functions.FunctionRegistry;
import io.kanisterhooks.hooks.FileValidation;
import io.kanisterhooks.yaml.Problem;
import io.kanisterhooks.yaml.Problems;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kanister-hooks validate}: static checks of blueprints, one line per problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate Kanister blueprints without a cluster.",
            "Prints one line per problem as file:line:col: message; exits 0 when every blueprint is valid, 2 otherwise.",
            "Hook specs (a hooks: document, a K10 Policy or a K10 Backup/Export/RestoreAction) are checked too, and the "
                    + "blueprint actions they name against the blueprints given in the same run.",
            "K10 Policies and Actions are checked whole. Other documents are skipped with a note on stderr saying "
                    + "why; a file with neither a Blueprint nor hooks is an error."})
final class ValidateCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--hooks", description = "Also apply the restrictions of hook blueprints (no location profiles, "
            + "no .Profile, no kando location).")
    boolean hooks;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Option(names = {"-q", "--quiet"}, description = "Do not print notes and the summary.")
    boolean quiet;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Blueprint or hook files, or directories "
            + "(searched recursively for *.yaml and *.yml).")
    List<Path> paths;

    @Override
    public Integer call() {
        List<Path> files = InputFiles.expand(paths);
        for (Path p : paths) {
            if (Files.isDirectory(p) && InputFiles.expand(List.of(p)).isEmpty()) {
                throw new UserInputException(p + ": no *.yaml or *.yml file in this directory: nothing to validate");
            }
        }
        FileValidation.Result result = new FileValidation(FunctionRegistry.standard(),
                hooks ? BlueprintValidator.Options.HOOKS : BlueprintValidator.Options.DEFAULT).validate(files);
        Problems problems = result.problems();
        List<Problem> sorted = problems.sorted();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (format == Format.json) {
            out.println(json(files.size(), result.blueprints(), sorted));
        } else {
            sorted.forEach(out::println);
        }
        if (!quiet) {
            result.notes().forEach(n -> err.println("note: " + n));
            int blueprints = result.blueprints();
            // no locale (null): see ReportValues.human
            err.printf((Locale) null, "validated %d blueprint%s%s in %d file%s: %d error%s, %d warning%s%n",
                    blueprints, plural(blueprints), result.hookSpecs() == 0 ? "" : " and " + result.hookSpecs()
                            + " hook spec" + plural(result.hookSpecs()), files.size(), plural(files.size()),
                    problems.errorCount(), plural(problems.errorCount()),
                    sorted.size() - problems.errorCount(), plural(sorted.size() - problems.errorCount()));
        }
        out.flush();
        err.flush();
        return problems.hasErrors() ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }

    private static String json(int files, int blueprints, List<Problem> problems) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", p.position().file());
            m.put("line", p.position().line());
            m.put("column", p.position().column());
            m.put("severity", p.isError() ? "error" : "warning");
            m.put("message", p.message());
            items.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("files", files);
        root.put("blueprints", blueprints);
        root.put("problems", items);
        return new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(root);
    }
}
