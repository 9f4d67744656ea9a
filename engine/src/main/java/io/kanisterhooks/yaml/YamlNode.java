package io.kanisterhooks.yaml;

/**
 * A YAML node that remembers where it came from, so every later error can point at a line and column.
 * {@link #toValue()} gives the plain JSON-shaped value Kubernetes would see after decoding the same YAML.
 */
public sealed interface YamlNode permits YamlScalar, YamlMapping, YamlSequence {

    SourcePosition position();

    /** Plain value: {@code Map<String,Object>} (insertion ordered), {@code List<Object>}, String, Long, Double, Boolean or null. */
    Object toValue();

    /** How the node is described in messages: "a string", "a map", "a list", "an integer", … */
    String describe();
}
