package io.kanisterhooks.render;

import io.kanisterhooks.golang.json.GoJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Test resources: JSON files (int64 numbers, as Kubernetes objects) and the conformance corpus copy. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A resource below {@code src/test/resources}, e.g. {@code render/deployment.json}. */
    public static String text(String path) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String path) {
        return (Map<String, Object>) GoJson.decode(text(path), GoJson.NumberMode.INT64);
    }

    /** The corpus' case objects of one mode. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> corpusCases(String mode) {
        return ((List<Map<String, Object>>) object("template/conformance/corpus.json").get("cases")).stream()
                .filter(c -> mode.equals(c.getOrDefault("mode", "render")))
                .toList();
    }

    /** The oracle's results by case id. */
    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, Object>> expectedResults() {
        return ((List<Map<String, Object>>) object("template/conformance/expected.json").get("results")).stream()
                .collect(Collectors.toMap(r -> (String) r.get("id"), Function.identity()));
    }
}
