package io.kanisterhooks.template.sprig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kanisterhooks.template.func.FuncMap;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The function map is exactly ksprig's: the 150 names and Go signatures recorded from Kanister. */
class KanisterSprigFuncMapTest {


    @Test
    void hasExactlyTheKsprigNamesWithTheirGoSignatures() throws IOException {
        JsonNode recorded = new ObjectMapper().readTree(
                getClass().getResourceAsStream("/template/conformance/ksprig-v2.22-funcs.json"));
        Map<String, String> expected = new TreeMap<>();
        recorded.get("funcs").forEach(f -> expected.put(f.get("name").asText(), f.get("signature").asText()));
        Map<String, String> actual = new TreeMap<>();
        KanisterSprig.funcMap().asMap().forEach((name, fn) -> actual.put(name, fn.signature().toString()));

        assertThat(expected).hasSize(150);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void leavesSprigV3AndReplacementOnlyNamesUndefined() {
        FuncMap m = KanisterSprig.funcMap();
        for (String v3Only : new String[] {"get", "dig", "fromJson", "toRawJson", "mustToJson", "mustRegexFind",
            "bcrypt", "htpasswd", "seq", "duration", "durationRound", "randInt", "addf", "osBase", "regexQuoteMeta",
            "genCAWithKey", "all", "any", "chunk", "sha512sum", "toYaml"}) {
            assertThat(m.contains(v3Only)).as(v3Only).isFalse();
        }
    }
}
