package io.kanisterhooks.cli;

import io.kanisterhooks.action.Engine;
import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.blueprint.BlueprintValidator;
import io.kanisterhooks.blueprint.KubernetesNames;
import io.kanisterhooks.functions.FunctionRegistry;
import io.kanisterhooks.hooks.BlueprintResolver;
import io.kanisterhooks.hooks.KubeClusterView;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.yaml.Problems;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * The blueprint of {@code run-action} and {@code plan --action}: a file, read and validated before the cluster is
 * contacted, or the name of a Blueprint object, checked as a name first and looked up once the cluster is reached.
 */
final class ActionBlueprint {

    private final String ref;
    private final String action;
    private final BlueprintResolver resolver;
    private final Blueprint fromFile;

    private ActionBlueprint(String ref, String action, BlueprintResolver resolver, Blueprint fromFile) {
        this.ref = ref;
        this.action = action;
        this.resolver = resolver;
        this.fromFile = fromFile;
    }

    /** Checks {@code ref} without the cluster; problems go to {@code problems}. */
    static ActionBlueprint check(String ref, String action, String namespace, Problems problems) {
        BlueprintResolver resolver = new BlueprintResolver(FunctionRegistry.standard(),
                BlueprintValidator.Options.DEFAULT, namespace);
        if (action.isEmpty()) {
            problems.error(OptionChecks.at("--action"), "--action is empty");
        }
        if (ref.isEmpty()) {
            problems.error(OptionChecks.at("--blueprint"), "--blueprint is empty: give a file or the name of a "
                    + "Blueprint");
            return new ActionBlueprint(ref, action, resolver, null);
        }
        if (BlueprintResolver.isPath(ref)) {
            Optional<BlueprintResolver.Source> found = resolver.fileWithAction(ref, action, problems);
            return new ActionBlueprint(ref, action, resolver, found.map(BlueprintResolver.Source::blueprint)
                    .orElse(null));
        }
        KubernetesNames.objectNameProblem("Blueprint", ref).ifPresent(p -> problems.error(
                OptionChecks.at("--blueprint"), "--blueprint " + ref + ": no such file or directory, and " + p));
        return new ActionBlueprint(ref, action, resolver, null);
    }

    /** The blueprint: the file's, or the Blueprint object (validated; its problems printed on {@code err}). */
    Blueprint resolve(Engine engine, PrintWriter err) throws KubeException {
        if (fromFile != null) {
            return fromFile;
        }
        Problems problems = new Problems();
        Optional<BlueprintResolver.Source> found = resolver.objectWithAction(ref, action, problems,
                new KubeClusterView(engine.kube()));
        InputProblems.report(problems, err);
        return found.map(BlueprintResolver.Source::blueprint)
                .orElseThrow(() -> new UserInputException("no blueprint " + ref + " with action " + action));
    }
}
