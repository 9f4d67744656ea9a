package io.kanisterhooks.blueprint;

import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.Suggestions;

/** Kanister's {@code CheckSupportedArgs} and {@code CheckRequiredArgs}, every violation reported at its place. */
final class FunctionArgumentsRule implements PhaseRule {

    @Override
    public void check(PhaseSite site, Problems problems) {
        if (site.signature().isEmpty()) {
            return;
        }
        FunctionSignature sig = site.signature().get();
        for (String arg : site.phase().args().keySet()) {
            if (!sig.supportedArgs().contains(arg)) {
                String hint = Suggestions.closest(arg, sig.supportedArgs())
                        .map(s -> "; did you mean \"" + s + "\"?")
                        .orElse(" (" + sig.name() + " takes: " + String.join(", ", sig.supportedArgs()) + ")");
                problems.error(site.argPosition(arg), site.prefix() + "argument " + arg + " is not supported" + hint);
            }
        }
        for (String required : sig.requiredArgs()) {
            if (!site.phase().args().containsKey(required)) {
                problems.error(site.phase().argsPosition(), site.prefix() + "Required arg missing: " + required);
            }
        }
    }
}
