package io.kanisterhooks.blueprint;

import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.YamlNode;
import java.util.List;
import java.util.Map;

/**
 * Argument values written without a template ({@code replicas: three}, a Wait {@code timeout: 120}) are decoded as
 * the function decodes them when it runs: a value that can never decode is an error now, at its place, with the
 * function's own message, instead of a failed phase after the cluster was contacted. Values with a template are
 * decoded after rendering, when the phase runs.
 */
final class LiteralArgumentsRule implements PhaseRule {

    private final FunctionCatalog functions;

    LiteralArgumentsRule(FunctionCatalog functions) {
        this.functions = functions;
    }

    @Override
    public void check(PhaseSite site, Problems problems) {
        if (site.signature().isEmpty()) {
            return;
        }
        FunctionSignature sig = site.signature().get();
        for (Map.Entry<String, Object> arg : site.phase().args().entrySet()) {
            if (!sig.supportedArgs().contains(arg.getKey()) || hasTemplate(arg.getValue())) {
                continue;
            }
            functions.literalArgumentProblem(sig.name(), arg.getKey(), arg.getValue()).ifPresent(p -> problems.error(
                    site.argNode(arg.getKey()).map(YamlNode::position).orElse(site.argPosition(arg.getKey())),
                    site.prefix() + "argument " + arg.getKey() + ": " + p));
        }
    }

    private static boolean hasTemplate(Object value) {
        if (value instanceof String s) {
            return s.contains("{{");
        }
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream().anyMatch(e -> hasTemplate(e.getKey()) || hasTemplate(e.getValue()));
        }
        if (value instanceof List<?> l) {
            return l.stream().anyMatch(LiteralArgumentsRule::hasTemplate);
        }
        return false;
    }
}
