package io.kanisterhooks.cli;

import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.blueprint.BlueprintFile;
import io.kanisterhooks.blueprint.BlueprintFiles;
import io.kanisterhooks.blueprint.BlueprintLoader;
import io.kanisterhooks.blueprint.BlueprintValidator;
import io.kanisterhooks.functions.FunctionRegistry;
import io.kanisterhooks.hooks.ClusterView;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.yaml.Problem;
import io.kanisterhooks.yaml.Problems;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The one blueprint of {@code --blueprint FILE|NAME}, validated with Kanister's rules; problems are bad input. */
final class BlueprintSource {

    private BlueprintSource() {
    }

    static Blueprint resolve(String ref, String namespace, String action, ClusterView cluster, PrintWriter err)
            throws IOException, KubeException {
        BlueprintLoader loader = new BlueprintLoader();
        List<Blueprint> candidates = new ArrayList<>();
        Problems problems = new Problems();
        Path p = Path.of(ref);
        if (Files.exists(p) || BlueprintFiles.isYaml(p)) {
            for (Path f : InputFiles.expand(List.of(p))) {
                BlueprintFile loaded = loader.load(f);
                problems.addAll(loaded.problems());
                candidates.addAll(loaded.blueprints());
            }
        } else {
            Optional<String> json = cluster.blueprintJson(namespace, ref);
            if (json.isEmpty()) {
                throw new UserInputException("blueprint " + ref + " not found: no such file, and no Blueprint " + ref
                        + " in namespace " + namespace);
            }
            BlueprintFile loaded = loader.parse("Blueprint " + namespace + "/" + ref, json.get());
            problems.addAll(loaded.problems());
            candidates.addAll(loaded.blueprints());
        }
        List<Blueprint> withAction = candidates.stream().filter(b -> b.action(action).isPresent()).toList();
        if (withAction.size() != 1 && !problems.hasErrors()) {
            throw new UserInputException(withAction.isEmpty() ? "no blueprint in " + ref + " has an action \""
                    + action + "\"" + (candidates.isEmpty() ? "" : " (actions: " + candidates.get(0).actionNames()
                    + ")") : "several blueprints in " + ref + " have an action \"" + action + "\"");
        }
        if (!withAction.isEmpty()) {
            problems.addAll(new BlueprintValidator(FunctionRegistry.standard(), BlueprintValidator.Options.DEFAULT)
                    .validate(withAction.get(0)));
        }
        report(problems, err);
        return withAction.get(0);
    }

    /** Prints problems like {@code validate}; errors make the command fail as bad input. */
    static void report(Problems problems, PrintWriter err) {
        List<Problem> sorted = problems.sorted();
        sorted.forEach(err::println);
        err.flush();
        if (problems.hasErrors()) {
            throw new UserInputException(problems.errorCount() + " problem" + (problems.errorCount() == 1 ? "" : "s")
                    + " found; nothing was run");
        }
    }
}
