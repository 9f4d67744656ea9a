package io.kanisterhooks.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Payload decoding against results recorded from Go's encoding/json. */
class OutputJsonTest {

    record Vector(String payload, boolean ok, String key, String value, String error) {
        @Override
        public String toString() {
            return payload;
        }
    }

    static Stream<Vector> vectors() throws IOException {
        List<Vector> vectors = new ArrayList<>();
        try (InputStream in = OutputJsonTest.class.getResourceAsStream("go-json-vectors.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                int[] end = new int[1];
                String payload = GoQuoted.unquote(line, 0, end);
                String result = line.substring(end[0] + 1);
                if (result.startsWith("OK ")) {
                    String key = GoQuoted.unquote(result, 3, end);
                    String value = GoQuoted.unquote(result, end[0] + 1, end);
                    vectors.add(new Vector(payload, true, key, value, null));
                } else {
                    vectors.add(new Vector(payload, false, null, null, GoQuoted.unquote(result, 4, end)));
                }
            }
        }
        return vectors.stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void decodesLikeGo(Vector v) throws OutputJson.JsonException {
        if (v.ok()) {
            assertThat(OutputJson.decode(v.payload())).isEqualTo(new OutputJson.KeyValue(v.key(), v.value()));
        } else {
            assertThatThrownBy(() -> OutputJson.decode(v.payload())).hasMessage(v.error());
        }
    }

    @Test
    void nestingIsLimitedLikeGo() throws OutputJson.JsonException {
        String deep = "[".repeat(10001) + "]".repeat(10001);
        assertThatThrownBy(() -> OutputJson.decode(deep)).hasMessage("invalid character '[' exceeded max depth");
        String allowed = "{\"x\":" + "[".repeat(9999) + "]".repeat(9999) + ",\"key\":\"k\"}";
        assertThat(OutputJson.decode(allowed).key()).isEqualTo("k");
    }
}
