package io.kanisterhooks.jsonpath;

import io.kanisterhooks.render.TestFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code k8s:jsonpath} cases of the template conformance corpus, with exact outputs and error texts. */
class JsonPathCorpusTest {

    static Stream<Arguments> cases() {
        Map<String, Map<String, Object>> expected = TestFiles.expectedResults();
        return TestFiles.corpusCases("jsonpath").stream()
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
