package io.kanisterhooks.cli;

import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.golang.json.GoJson;
import io.kanisterhooks.golang.json.JsonSyntaxException;
import io.kanisterhooks.yaml.InputException;
import io.kanisterhooks.yaml.InputFile;
import io.kanisterhooks.yaml.SourcePosition;
import io.kanisterhooks.yaml.YamlDocument;
import io.kanisterhooks.yaml.YamlException;
import io.kanisterhooks.yaml.YamlLimits;
import io.kanisterhooks.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads the data files of {@code template render}: JSON, or YAML read the way Kubernetes tooling reads it (YAML turned
 * into JSON): integers that fit are int64, other numbers float64, timestamps stay strings. Both with the limits of
 * every input file (size, nesting); every problem is an {@link InputException} with the place in the file.
 */
final class TemplateCommandFiles {

    private TemplateCommandFiles() {
    }

    static Object read(Path file) throws InputException {
        String name = file.toString();
        String text = InputFile.readText(file, YamlLimits.DEFAULT.maxBytes(), "data file");
        if (name.endsWith(".json")) {
            checkNesting(name, text);
            try {
                return GoJson.decode(text, GoJson.NumberMode.INT64);
            } catch (JsonSyntaxException e) {
                throw new InputException(SourcePosition.atOffset(name, text, e.offset()), e.getMessage());
            } catch (GoError e) {
                throw new InputException(SourcePosition.ofFile(name), e.getMessage());
            }
        }
        try {
            List<YamlDocument> docs = new YamlReader().parse(name, text);
            if (docs.size() > 1) {
                throw new InputException(docs.get(1).start(), "expected one YAML document, found " + docs.size());
            }
            return docs.isEmpty() || docs.get(0).root() == null ? null : docs.get(0).root().toValue();
        } catch (YamlException e) {
            throw new InputException(e.position(), e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readObject(Path file) throws InputException {
        Object value = read(file);
        if (!(value instanceof Map)) {
            throw new InputException(new SourcePosition(file.toString(), 1, 1), "expected an object (a map) at the "
                    + "top level, found " + (value == null ? "nothing" : value instanceof List ? "a list" : "a scalar"));
        }
        return (Map<String, Object>) value;
    }

    /** JSON nested deeper than YAML may be (decoding and printing it recurse), refused at its place. */
    private static void checkNesting(String name, String text) throws InputException {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > YamlLimits.DEFAULT.maxDepth()) {
                    throw new InputException(SourcePosition.atOffset(name, text, i), "maps and lists nested deeper "
                            + "than " + YamlLimits.DEFAULT.maxDepth() + " levels");
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
    }
}
