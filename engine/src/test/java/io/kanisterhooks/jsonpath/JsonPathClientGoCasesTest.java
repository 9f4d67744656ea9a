package io.kanisterhooks.jsonpath;

import io.kanisterhooks.render.TestFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Templates whose expected output or error text was recorded from client-go's jsonpath package itself (see
 * {@code client-go-cases.json}); cases that depend on Go's random map order are not in the file.
 */
class JsonPathClientGoCasesTest {

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() {
        Map<String, Object> file = TestFiles.object("jsonpath/client-go-cases.json");
        return ((List<Map<String, Object>>) file.get("cases")).stream()
                .map(c -> Arguments.of(c.get("template"), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesClientGo(String template, Map<String, Object> c) throws JsonPathException {
        Object data = TestFiles.object("jsonpath/" + c.get("data"));
        boolean allowMissingKeys = Boolean.TRUE.equals(c.get("allowMissingKeys"));
        if (c.containsKey("parseError")) {
            assertThatThrownBy(() -> JsonPath.parse(template))
                    .isInstanceOf(JsonPathException.class)
                    .hasMessage((String) c.get("parseError"))
                    .matches(e -> ((JsonPathException) e).isParseError());
            return;
        }
        JsonPath path = JsonPath.parse(template);
        if (c.containsKey("error")) {
            assertThatThrownBy(() -> path.execute(data, allowMissingKeys))
                    .isInstanceOf(JsonPathException.class)
                    .hasMessage((String) c.get("error"))
                    .matches(e -> !((JsonPathException) e).isParseError());
        } else {
            assertThat(path.execute(data, allowMissingKeys)).isEqualTo(c.get("output"));
        }
    }
}
