package io.kanisterhooks.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reading of one YAML map of a Kubernetes-style object, reporting type errors and unknown fields at their place.
 * {@code path} is the field path used in messages, e.g. {@code actions.backup.phases[0]}.
 */
public final class YamlFields {

    private final YamlMapping mapping;
    private final String path;
    private final Problems problems;

    public YamlFields(YamlMapping mapping, String path, Problems problems) {
        this.mapping = mapping;
        this.path = path;
        this.problems = problems;
    }

    public YamlMapping mapping() {
        return mapping;
    }

    public String path() {
        return path;
    }

    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Reports every key not in {@code known}, with a suggestion when one is close. */
    public void rejectUnknown(Collection<String> known) {
        for (YamlMapping.Entry e : mapping.entries()) {
            if (!known.contains(e.key())) {
                String hint = Suggestions.closest(e.key(), known)
                        .map(s -> "; did you mean \"" + s + "\"?")
                        .orElse(" (known fields: " + String.join(", ", new TreeSet<>(known)) + ")");
                problems.error(e.keyPosition(), (path.isEmpty() ? "" : path + ": ")
                        + "unknown field \"" + e.key() + "\"" + hint);
            }
        }
    }

    public Optional<YamlNode> node(String key) {
        return mapping.get(key);
    }

    /** A string field; absent or null gives null; a non-string is reported. */
    public String string(String key) {
        Optional<YamlNode> node = mapping.get(key);
        if (node.isEmpty() || isNull(node.get())) {
            return null;
        }
        if (node.get() instanceof YamlScalar s && s.value() instanceof String str) {
            return str;
        }
        typeError(key, node.get(), "a string");
        return null;
    }

    /** A map field; absent or null gives empty; a non-map is reported and gives empty. */
    public Optional<YamlMapping> map(String key) {
        Optional<YamlNode> node = mapping.get(key);
        if (node.isEmpty() || isNull(node.get())) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlMapping m) {
            return Optional.of(m);
        }
        typeError(key, node.get(), "a map");
        return Optional.empty();
    }

    /** A list field; absent or null gives empty; a non-list is reported and gives empty. */
    public List<YamlNode> list(String key) {
        Optional<YamlNode> node = mapping.get(key);
        if (node.isEmpty() || isNull(node.get())) {
            return List.of();
        }
        if (node.get() instanceof YamlSequence s) {
            return s.items();
        }
        typeError(key, node.get(), "a list");
        return List.of();
    }

    /** A list of strings; elements of other types are reported and dropped. */
    public List<String> stringList(String key) {
        List<String> result = new ArrayList<>();
        List<YamlNode> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            if (item instanceof YamlScalar s && s.value() instanceof String str) {
                result.add(str);
            } else {
                problems.error(item.position(),
                        pathOf(key) + "[" + i + "]: expected a string, found " + item.describe());
            }
        }
        return result;
    }

    /** A map of strings to strings; non-string values are reported and dropped. */
    public Map<String, String> stringMap(String key) {
        Map<String, String> result = new LinkedHashMap<>();
        map(key).ifPresent(m -> {
            for (YamlMapping.Entry e : m.entries()) {
                if (e.value() instanceof YamlScalar s && s.value() instanceof String str) {
                    result.put(e.key(), str);
                } else {
                    problems.error(e.value().position(),
                            pathOf(key) + "." + e.key() + ": expected a string, found " + e.value().describe());
                }
            }
        });
        return result;
    }

    private void typeError(String key, YamlNode node, String expected) {
        problems.error(node.position(), pathOf(key) + ": expected " + expected + ", found " + node.describe());
    }

    private static boolean isNull(YamlNode node) {
        return node instanceof YamlScalar s && s.value() == null;
    }

    /** Keys of a map as a set, for membership tests. */
    public static Set<String> keys(YamlMapping m) {
        Set<String> keys = new TreeSet<>();
        for (YamlMapping.Entry e : m.entries()) {
            keys.add(e.key());
        }
        return keys;
    }
}
