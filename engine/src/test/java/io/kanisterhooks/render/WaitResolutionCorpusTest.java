package io.kanisterhooks.render;

import io.kanisterhooks.jsonpath.JsonPathException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JSONPath substitution step of the corpus' {@code kanister:wait} cases: the resolved condition (or the JSONPath
 * evaluation error) must be exactly what Kanister produced.
 */
class WaitResolutionCorpusTest {

    static Stream<Arguments> cases() {
        Map<String, Map<String, Object>> expected = TestFiles.expectedResults();
        return TestFiles.corpusCases("wait").stream()
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
