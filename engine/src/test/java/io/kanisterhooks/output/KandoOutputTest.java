package io.kanisterhooks.output;

import io.kanisterhooks.golang.json.GoJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KandoOutputTest {

    @ParameterizedTest
    @ValueSource(strings = {"validKey", "validKey2", "valid_key", "_", "A1"})
    void kandoAcceptsAlphanumericKeys(String key) {
        OutputKeys.validate(key);
        assertThat(KandoOutput.format(key, "v")).startsWith("###Phase-output###: {\"key\":\"" + key + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid-key", "invalid.key", "`invalidKey", "a b", "é"})
    void kandoRejectsOtherKeys(String key) {
        assertThatThrownBy(() -> OutputKeys.validate(key)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Key should contain only alphanumeric characters and underscore");
    }

    @Test
    void kandoRejectsAnEmptyKey() {
        assertThatThrownBy(() -> KandoOutput.format("", "v")).hasMessage("Key should not be empty");
    }

    @Test
    void printsTheBytesKandoPrints() {
        // Verified against kando: Go's encoding/json with HTML escaping.
        assertThat(KandoOutput.format("k", "a<b>&\"q\"\n\tz é"))
                .isEqualTo("###Phase-output###: {\"key\":\"k\",\"value\":\"a\\u003cb\\u003e\\u0026\\\"q\\\"\\n\\tz é\"}");
        assertThat(KandoOutput.formatLine("version", "0.119.0"))
                .isEqualTo("###Phase-output###: {\"key\":\"version\",\"value\":\"0.119.0\"}\n");
    }

    @Test
    void escapesLikeGoEncodingJson() {
        assertThat(GoJson.marshal("\b\f\r\u0000\u001f\u007f\\/\u2028\u2029\uD83D\uDE00"))
                .isEqualTo("\"\\b\\f\\r\\u0000\\u001f\u007f\\\\/\\u2028\\u2029\uD83D\uDE00\"");
        assertThat(GoJson.marshal("lone \uD800 surrogate \uDC00")).isEqualTo("\"lone \\ufffd surrogate \\ufffd\"");
    }

    @Test
    void whatKandoPrintsParsesBack() throws PhaseOutputException {
        String value = "all sorts: <>&\"'\\\n\t\u0001 é 😀 \u2028 " + "x".repeat(1000);
        assertThat(PhaseOutputParser.parse(KandoOutput.formatLine("k", value))).containsExactly(
                java.util.Map.entry("k", value));
    }
}
