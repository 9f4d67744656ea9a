package io.kanisterhooks.blueprint;

import io.kanisterhooks.yaml.SourcePosition;
import io.kanisterhooks.yaml.YamlMapping;
import io.kanisterhooks.yaml.YamlNode;
import java.util.Optional;

/** A phase in its action and blueprint, with the signature of its function when the function is known. */
record PhaseSite(Blueprint blueprint, BlueprintAction action, BlueprintPhase phase,
                 Optional<FunctionSignature> signature) {

    /** Kanister's wrapper text for phase validation errors. */
    String prefix() {
        return "Failed to validate phase " + phase.name() + " in action " + action.name() + ": ";
    }

    SourcePosition funcPosition() {
        return phase.node().get("func").map(YamlNode::position).orElse(phase.position());
    }

    /** Position of an argument's key, or of {@code args} when the argument is absent. */
    SourcePosition argPosition(String arg) {
        YamlMapping args = phase.argsNode();
        return args == null ? phase.argsPosition()
                : args.entry(arg).map(YamlMapping.Entry::keyPosition).orElse(phase.argsPosition());
    }

    Optional<YamlNode> argNode(String arg) {
        YamlMapping args = phase.argsNode();
        return args == null ? Optional.empty() : args.get(arg);
    }
}
