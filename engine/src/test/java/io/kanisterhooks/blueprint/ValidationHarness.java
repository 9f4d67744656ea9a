package io.kanisterhooks.blueprint;

import io.kanisterhooks.functions.FunctionRegistry;
import io.kanisterhooks.yaml.Problem;
import io.kanisterhooks.yaml.Problems;
import java.util.List;

/** Loads YAML text as {@code bp.yaml} and returns every problem as printed by the CLI. */
final class ValidationHarness {

    private ValidationHarness() {
    }

    static List<String> problems(String yaml) {
        return problems(yaml, BlueprintValidator.Options.DEFAULT);
    }

    static List<String> hookProblems(String yaml) {
        return problems(yaml, BlueprintValidator.Options.HOOKS);
    }

    static List<String> problems(String yaml, BlueprintValidator.Options options) {
        BlueprintFile file = new BlueprintLoader().parse("bp.yaml", yaml);
        Problems all = new Problems();
        all.addAll(file.problems());
        BlueprintValidator validator = new BlueprintValidator(FunctionRegistry.standard(), options);
        for (Blueprint bp : file.blueprints()) {
            all.addAll(validator.validate(bp));
        }
        return all.sorted().stream().map(Problem::toString).toList();
    }

    /** A blueprint header followed by {@code actions} (already indented by two spaces). Actions start on line 6. */
    static String blueprint(String actions) {
        return """
                apiVersion: cr.kanister.io/v1alpha1
                kind: Blueprint
                metadata:
                  name: bp
                actions:
                """ + actions;
    }
}
