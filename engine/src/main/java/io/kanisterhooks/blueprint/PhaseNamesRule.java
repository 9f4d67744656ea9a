package io.kanisterhooks.blueprint;

import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.SourcePosition;
import io.kanisterhooks.yaml.YamlNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Kanister's {@code validatePhaseNames}: phase names (defer phases included) are unique across the whole blueprint,
 * because {@code .Phases.<name>} is one namespace per action run and Kanister enforces it blueprint-wide.
 */
final class PhaseNamesRule {

    void check(Blueprint blueprint, Problems problems) {
        Map<String, String> firstUse = new HashMap<>();
        for (BlueprintAction action : blueprint.actions().values()) {
            for (BlueprintPhase phase : action.allPhases()) {
                SourcePosition at = phase.node().get("name").map(YamlNode::position).orElse(phase.position());
                String first = firstUse.putIfAbsent(phase.name(), action.name() + " at line " + at.line());
                if (first != null) {
                    problems.error(at, "Failed to validate: Duplicated phase name is not allowed. Violating phase '"
                            + phase.name() + "' (first used in action " + first + ")");
                }
            }
        }
    }
}
