package io.kanisterhooks.blueprint;

import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.Suggestions;
import io.kanisterhooks.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Static blueprint validation: Kanister's own rules ({@code pkg/blueprint/validate}: registered functions, supported and
 * required arguments, pod labels/annotations, blueprint-wide unique phase names), plus what Kanister lacks: advice on
 * suspicious Wait conditions and, in hooks mode, K10's restrictions on hook blueprints.
 */
public final class BlueprintValidator {

    /** @param hooks apply the hook restrictions (no location profiles, no {@code kando location}, no {@code .Profile}) */
    public record Options(boolean hooks) {
        public static final Options DEFAULT = new Options(false);
        public static final Options HOOKS = new Options(true);
    }

    private final FunctionCatalog functions;
    private final List<PhaseRule> rules = new ArrayList<>();
    private final PhaseNamesRule phaseNames = new PhaseNamesRule();
    private final TemplateRule templates;

    public BlueprintValidator(FunctionCatalog functions, Options options) {
        this.functions = functions;
        rules.add(new PodMetadataRule());
        rules.add(new FunctionArgumentsRule());
        rules.add(new LiteralArgumentsRule(functions));
        rules.add(new WaitAdviceRule());
        templates = new TemplateRule(options.hooks());
        rules.add(templates);
        if (options.hooks()) {
            rules.add(new HookRestrictionsRule());
        }
    }

    public Problems validate(Blueprint blueprint) {
        Problems problems = new Problems();
        for (BlueprintAction action : blueprint.actions().values()) {
            templates.checkArtifacts(action, problems);
            for (BlueprintPhase phase : action.allPhases()) {
                PhaseSite site = new PhaseSite(blueprint, action, phase, lookup(phase));
                if (site.signature().isEmpty() && !funcHasWrongType(phase)) {
                    problems.error(site.funcPosition(), unknownFunction(phase.func()));
                }
                for (PhaseRule rule : rules) {
                    rule.check(site, problems);
                }
            }
        }
        phaseNames.check(blueprint, problems);
        return problems;
    }

    /** A non-string {@code func} is already reported as a type error; "not registered" would only repeat it. */
    private static boolean funcHasWrongType(BlueprintPhase phase) {
        return phase.node().get("func").filter(n -> !(n instanceof YamlScalar s && s.value() instanceof String))
                .isPresent();
    }

    private Optional<FunctionSignature> lookup(BlueprintPhase phase) {
        return functions.lookup(phase.func());
    }

    private String unknownFunction(String func) {
        String hint = Suggestions.closest(func, functions.names()).map(s -> "; did you mean " + s + "?").orElse("");
        return "Requested function {" + func + "} has not been registered" + hint;
    }
}
