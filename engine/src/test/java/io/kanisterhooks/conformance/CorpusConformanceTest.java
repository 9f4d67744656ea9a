package io.kanisterhooks.conformance;

import io.kanisterhooks.render.TestFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole public conformance corpus through {@link CorpusRunner}, the code path of the CLI's {@code template
 * conformance}, judged as {@code compare.py} judges: identical output for successes, an error for errors, the same
 * Wait/WaitV2 result. Cases tagged {@code goVersionSensitive} are judged against newer Go ({@code newer-go-overrides.json}),
 * which is what Kanister is built with.
 */
class CorpusConformanceTest {

    private static final CorpusRunner RUNNER = new CorpusRunner();

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() {
        Map<String, Map<String, Object>> expected = new HashMap<>(TestFiles.expectedResults());
        for (Map<String, Object> override : (List<Map<String, Object>>) TestFiles.object(
                "render/newer-go-overrides.json").get("results")) {
            expected.put((String) override.get("id"), override);
        }
        return ((List<Map<String, Object>>) TestFiles.object("template/conformance/corpus.json").get("cases")).stream()
                .map(c -> Arguments.of(c.get("id"), c, expected.get((String) c.get("id"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void behavesAsKanister(String id, Map<String, Object> c, Map<String, Object> expected) {
        Map<String, Object> actual = RUNNER.run(CorpusCase.fromJson(c)).toJson();
        String expectedError = (String) expected.get("error");
        if (expectedError.isEmpty()) {
            assertThat(actual.get("error")).as("error").isEqualTo("");
            assertThat(actual.get("output")).as("output").isEqualTo(expected.get("output"));
        } else {
            assertThat((String) actual.get("error")).as("error").isNotEmpty();
        }
        if (expected.containsKey("result")) {
            assertThat(actual.get("result")).as("wait result").isEqualTo(expected.get("result"));
        }
    }
}
