package io.kanisterhooks.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A YAML mapping with string keys (non-string keys are stringified as Kubernetes' YAML→JSON conversion does). */
public record YamlMapping(List<Entry> entries, SourcePosition position) implements YamlNode {

    /** One key/value pair; the key keeps its own position for "unknown field" style messages. */
    public record Entry(String key, SourcePosition keyPosition, YamlNode value) {
    }

    public YamlMapping {
        entries = Collections.unmodifiableList(entries);
    }

    public Optional<Entry> entry(String key) {
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public Optional<YamlNode> get(String key) {
        return entry(key).map(Entry::value);
    }

    @Override
    public Object toValue() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            map.put(e.key(), e.value().toValue());
        }
        return map;
    }

    @Override
    public String describe() {
        return "a map";
    }
}
