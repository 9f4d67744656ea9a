package io.kanisterhooks.blueprint;

import io.kanisterhooks.yaml.Problems;
import java.util.List;

/**
 * What one YAML file yielded: its blueprints, notes about documents that are not blueprints, and problems found while
 * reading it (syntax, shape).
 */
public record BlueprintFile(String file, List<Blueprint> blueprints, List<String> notes, Problems problems) {
}
