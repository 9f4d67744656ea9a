package io.kanisterhooks.blueprint;

import io.kanisterhooks.yaml.SourcePosition;
import io.kanisterhooks.yaml.YamlMapping;
import java.util.Map;

/**
 * One phase: a function call with unrendered arguments.
 *
 * @param args     the raw args as Kubernetes would store them (maps, lists, strings, int64, float64, booleans)
 * @param node     the phase's YAML map, for positions of anything inside it
 */
public record BlueprintPhase(String func, String name, Map<String, ObjectReference> objects, Map<String, Object> args,
                             SourcePosition position, YamlMapping node) {

    /** Where {@code args} (or the phase, when it has none) is written, for "missing argument" messages. */
    public SourcePosition argsPosition() {
        return node.entry("args").map(YamlMapping.Entry::keyPosition).orElse(position);
    }

    /** The YAML map of {@code args}, if it is one. */
    public YamlMapping argsNode() {
        return node.get("args").filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast).orElse(null);
    }
}
