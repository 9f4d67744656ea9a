package io.kanisterhooks.template;

import static io.kanisterhooks.template.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.template.parse.Parser;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The limits that keep hostile templates from ending in a JVM error: nesting when parsing, steps and output when
 * executing, the size of what a function returns, and recursion through {@code template}. Each ends with an error
 * naming the limit; templates within the limits render.
 */
class InputLimitsTest {

    private static final TemplateOptions OPTIONS = TemplateOptions.defaults();

    @Test
    void nestingUpToTheLimitParsesAndDeeperIsAParseError() {
        int within = Parser.MAX_NESTING - 2;
        assertThat(render("{{ " + "(".repeat(within) + "1" + ")".repeat(within) + " }}", null, OPTIONS))
                .isEqualTo("1");
        assertThat(render("{{ if 1 }}".repeat(within) + "x" + "{{ end }}".repeat(within), null, OPTIONS))
                .isEqualTo("x");
        assertThat(render("{{ " + "(".repeat(20_000) + "1" + ")".repeat(20_000) + " }}", null, OPTIONS))
                .startsWith("ERR template: config:1:").contains("max expression depth exceeded");
        assertThat(render("{{ with 1 }}".repeat(5_000) + "x" + "{{ end }}".repeat(5_000), null, OPTIONS))
                .startsWith("ERR template: config:1:").contains("max expression depth exceeded");
    }

    @Test
    void aRunawayLoopStopsAfterTheStepLimit() {
        List<Integer> items = Collections.nCopies(4_000, 1);
        assertThat(render("{{ range . }}{{ range $ }}{{ end }}{{ end }}", items, OPTIONS))
                .startsWith("ERR template: config:").endsWith("execution stopped after 10000000 steps (a runaway "
                        + "loop?)");
    }

    @Test
    void outputBeyondTheLimitIsAnError() {
        List<Integer> items = Collections.nCopies(1_000, 1);
        assertThat(render("{{ range . }}{{ range $ }}xxxxxxxxx{{ end }}{{ end }}", items, OPTIONS))
                .contains("output larger than " + Execution.MAX_OUTPUT + " characters");
        assertThat(render("{{ range . }}xxxx{{ end }}", items, OPTIONS)).hasSize(4_000);
    }

    @Test
    void aFunctionResultBeyondTheLimitIsAnErrorOfThatCall() {
        List<Integer> doublings = Collections.nCopies(30, 1);
        assertThat(render("{{ $x := \"xxxxxxxx\" }}{{ range . }}{{ $x = print $x $x }}{{ end }}{{ len $x }}",
                doublings, OPTIONS)).startsWith("ERR template: config:1:").contains("error calling print: the result "
                + "would have 8388608", "the limit is 4194304");
        assertThat(render("{{ $x := \"xxxxxxxx\" }}{{ range . }}{{ $x = print $x $x }}{{ end }}{{ len $x }}",
                doublings.subList(0, 10), OPTIONS)).isEqualTo("8192");
    }

    @Test
    void endlessRecursionEndsWithGosDepthErrorEveryTime() {
        String recursive = "{{ define \"t\" }}{{ template \"t\" . }}{{ end }}{{ template \"t\" . }}";
        for (int i = 0; i < 2; i++) {
            assertThat(render(recursive, 1, OPTIONS)).startsWith("ERR template: ")
                    .endsWith("exceeded maximum template depth (100000)");
        }
        assertThat(render("{{ len \"abc\" }}", null, OPTIONS)).isEqualTo("3");
    }
}
