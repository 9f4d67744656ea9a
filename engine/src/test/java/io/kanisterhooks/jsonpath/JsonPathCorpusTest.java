package io.kanisterhooks.jsonpath;

import io.kanisterhooks.template.json.GoJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code k8s:jsonpath} cases of the template conformance corpus, with exact outputs and error texts. */
class JsonPathCorpusTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> read(String name, String key) throws IOException {
        try (InputStream in = JsonPathCorpusTest.class.getResourceAsStream("/render/" + name)) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return (List<Map<String, Object>>) ((Map<String, Object>) GoJson.decode(json, GoJson.NumberMode.INT64))
                    .get(key);
        }
    }

    static Stream<Arguments> cases() throws IOException {
        Map<Object, Map<String, Object>> expected = read("expected.json", "results").stream()
                .collect(Collectors.toMap(r -> r.get("id"), Function.identity()));
        return read("corpus.json", "cases").stream()
                .filter(c -> "jsonpath".equals(c.get("mode")))
                .map(c -> Arguments.of(c.get("id"), c, expected.get(c.get("id"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void matchesTheOracle(String id, Map<String, Object> c, Map<String, Object> expected) throws JsonPathException {
        JsonPath path = JsonPath.parse((String) c.get("template"));
        Map<String, Object> object = (Map<String, Object>) c.get("object");
        boolean allowMissingKeys = Boolean.TRUE.equals(c.get("allowMissingKeys"));
        String error = (String) expected.get("error");
        if (error.isEmpty()) {
            assertThat(path.printObject(object, allowMissingKeys)).isEqualTo(expected.get("output"));
        } else {
            assertThatThrownBy(() -> path.printObject(object, allowMissingKeys))
                    .hasMessage(error)
                    .extracting(e -> ((JsonPathException) e).innerError()).isEqualTo(expected.get("innerError"));
        }
    }
}
