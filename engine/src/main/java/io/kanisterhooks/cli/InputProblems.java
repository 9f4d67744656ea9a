package io.kanisterhooks.cli;

import io.kanisterhooks.action.Engine;
import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.blueprint.BlueprintValidator;
import io.kanisterhooks.hooks.BlueprintResolver;
import io.kanisterhooks.hooks.KubeClusterView;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.yaml.Problem;
import io.kanisterhooks.yaml.Problems;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** Problems of the user's input, printed like {@code validate} prints them; errors make the command exit 2. */
final class InputProblems {

    private InputProblems() {
    }

    /** Prints every problem (warnings too); errors make the command fail as bad input. */
    static void report(Problems problems, PrintWriter err) {
        List<Problem> sorted = problems.sorted();
        sorted.forEach(err::println);
        err.flush();
        if (problems.hasErrors()) {
            throw new UserInputException(problems.errorCount() + " problem" + (problems.errorCount() == 1 ? "" : "s")
                    + " found; nothing was run");
        }
    }

    /** The one blueprint of {@code --blueprint FILE|NAME} that has {@code action}, validated with Kanister's rules. */
    static Blueprint blueprint(Engine engine, String ref, String namespace, String action, PrintWriter err)
            throws KubeException {
        KubeClusterView cluster = new KubeClusterView(engine.kube());
        if (!BlueprintResolver.isPath(ref) && cluster.blueprintJson(namespace, ref).isEmpty()) {
            throw new UserInputException("blueprint " + ref + " not found: no such file, and no Blueprint " + ref
                    + " in namespace " + namespace);
        }
        Problems problems = new Problems();
        Optional<BlueprintResolver.Source> found = new BlueprintResolver(engine.functions(),
                BlueprintValidator.Options.DEFAULT, cluster, namespace).withAction(ref, action, problems);
        report(problems, err);
        return found.map(BlueprintResolver.Source::blueprint)
                .orElseThrow(() -> new UserInputException("no blueprint " + ref + " with action " + action));
    }
}
