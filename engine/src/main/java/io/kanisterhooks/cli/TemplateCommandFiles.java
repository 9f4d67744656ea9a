package io.kanisterhooks.cli;

import io.kanisterhooks.golang.json.GoJson;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the data files of {@code template render}: JSON, or YAML read the way Kubernetes tooling reads it (YAML turned
 * into JSON): integers that fit are int64, other numbers float64, timestamps stay strings.
 */
final class TemplateCommandFiles {

    private TemplateCommandFiles() {
    }

    static Object read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
            return GoJson.decode(text, GoJson.NumberMode.INT64);
        }
        return jsonTyped(yaml().load(text));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readObject(Path file) throws IOException {
        Object value = read(file);
        if (!(value instanceof Map)) {
            throw new IOException(file + ": expected an object at the top level");
        }
        return (Map<String, Object>) value;
    }

    private static Yaml yaml() {
        Resolver noTimestamps = new Resolver() {
            @Override
            public void addImplicitResolver(Tag tag, Pattern regexp,
                                            String first, int limit) {
                if (!tag.equals(Tag.TIMESTAMP)) {
                    super.addImplicitResolver(tag, regexp, first, limit);
                }
            }
        };
        LoaderOptions options = new LoaderOptions();
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, noTimestamps);
    }

    private static Object jsonTyped(Object yaml) {
        if (yaml instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), jsonTyped(v)));
            return out;
        }
        if (yaml instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(jsonTyped(v)));
            return out;
        }
        if (yaml instanceof Integer || yaml instanceof Long) {
            return ((Number) yaml).longValue();
        }
        if (yaml instanceof BigInteger || yaml instanceof Float) {
            return ((Number) yaml).doubleValue();
        }
        return yaml;
    }
}
