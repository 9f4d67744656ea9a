package io.kanisterhooks.render;

import io.kanisterhooks.template.json.GoJson;
import io.kanisterhooks.jsonpath.JsonPathException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JSONPath substitution step of the corpus' {@code kanister:wait} cases: the resolved condition (or the JSONPath
 * evaluation error) must be exactly what Kanister produced.
 */
class WaitResolutionCorpusTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> read(String name, String key) {
        return (List<Map<String, Object>>) ((Map<String, Object>) GoJson.decode(RenderTestData.text(name),
                GoJson.NumberMode.INT64)).get(key);
    }

    static Stream<Arguments> cases() {
        Map<Object, Map<String, Object>> expected = read("expected.json", "results").stream()
                .collect(Collectors.toMap(r -> r.get("id"), Function.identity()));
        return read("corpus.json", "cases").stream()
                .filter(c -> "wait".equals(c.get("mode")))
                .map(c -> Arguments.of(c.get("id"), c, expected.get(c.get("id"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void resolvesLikeKanister(String id, Map<String, Object> c, Map<String, Object> expected)
            throws JsonPathException {
        Map<String, Object> object = (Map<String, Object>) c.get("object");
        String condition = (String) c.get("condition");
        if ("jsonpath".equals(expected.get("errorPhase"))) {
            assertThatThrownBy(() -> JsonPathReferences.resolve(condition, object)).hasMessage(
                    (String) expected.get("error"));
        } else {
            assertThat(JsonPathReferences.resolve(condition, object)).isEqualTo(expected.get("resolvedCondition"));
        }
    }
}
