package io.kanisterhooks.functions.args;

import io.kanisterhooks.golang.json.UntypedValues;
import io.kanisterhooks.golang.strconv.FloatFormat;
import io.kanisterhooks.yaml.YamlDocument;
import io.kanisterhooks.yaml.YamlException;
import io.kanisterhooks.yaml.YamlReader;

import java.util.ArrayList;
import java.util.List;

/**
 * A string holding a YAML list, read like {@code sigs.k8s.io/yaml.Unmarshal} into a Go {@code []string}: go-yaml v2
 * typing (the project's YAML reader follows it), then numbers and booleans of the list coerced to strings ({@code 1},
 * {@code true}, floats with float32 precision), null elements empty; nested maps or lists, or anything but a list at
 * the top, are JSON type errors. Only the first YAML document counts.
 */
final class YamlStringList {

    private static final String CONVERT = "error converting YAML to JSON: ";
    private static final String UNMARSHAL = "error unmarshaling JSON: json: cannot unmarshal ";

    private YamlStringList() {
    }

    /** The list, or null for empty or null YAML. */
    static List<String> parse(String text) throws ArgException {
        List<YamlDocument> documents;
        try {
            documents = new YamlReader().parse("argument", text);
        } catch (YamlException e) {
            // sigs.k8s.io/yaml wraps go-yaml's error twice with the same words.
            throw new ArgException(CONVERT + CONVERT + "yaml: " + e.getMessage());
        }
        if (documents.isEmpty()) {
            return null;
        }
        Object value = documents.get(0).root().toValue();
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> items)) {
            throw new ArgException(UNMARSHAL + UntypedValues.jsonKindName(value) + " into Go value of type []string");
        }
        List<String> out = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item == null || item instanceof String) {
                out.add(item == null ? "" : (String) item);
            } else if (item instanceof Boolean || item instanceof Number) {
                out.add(scalarText(item));
            } else {
                throw new ArgException(UNMARSHAL + UntypedValues.jsonKindName(item) + " into Go value of type string");
            }
        }
        return out;
    }

    private static String scalarText(Object scalar) {
        if (scalar instanceof Double d) {
            return FloatFormat.format32G(d);
        }
        return String.valueOf(scalar);
    }
}
