package io.kanisterhooks.blueprint;

import io.kanisterhooks.yaml.SourcePosition;
import io.kanisterhooks.yaml.YamlMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An action of a blueprint. {@code name} is the map key ActionSets and hooks refer to; {@code kind},
 * {@code configMapNames}, {@code secretNames} and {@code inputArtifactNames} are informational in Kanister (never
 * enforced) and kept as written.
 */
public record BlueprintAction(String name, String kind, List<String> configMapNames, List<String> secretNames,
                              List<String> inputArtifactNames, Map<String, Artifact> outputArtifacts,
                              List<BlueprintPhase> phases, Optional<BlueprintPhase> deferPhase,
                              SourcePosition position, YamlMapping node) {

    /** Phases in execution order followed by the defer phase, if any. */
    public List<BlueprintPhase> allPhases() {
        List<BlueprintPhase> all = new ArrayList<>(phases);
        deferPhase.ifPresent(all::add);
        return all;
    }
}
