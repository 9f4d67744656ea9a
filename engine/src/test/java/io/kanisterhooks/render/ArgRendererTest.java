package io.kanisterhooks.render;

import io.kanisterhooks.golang.value.GoStruct;
import io.kanisterhooks.params.TemplateParamsBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kanister's own render_test.go vectors (pkg/param). */
class ArgRendererTest {

    private final ArgRenderer renderer = ArgRenderer.create();

    private static GoStruct options(Map<String, String> options) {
        return new TemplateParamsBuilder().options(options).build();
    }

    @Test
    void plainStringsRenderToThemselves() throws TemplateError {
        assertThat(renderer.render("", options(Map.of()))).isEmpty();
        assertThat(renderer.render("hello", options(Map.of()))).isEqualTo("hello");
        assertThat(renderer.render("-", options(Map.of()))).isEqualTo("-");
    }

    @Test
    void optionsAreLookedUpByKey() throws TemplateError {
        assertThat(renderer.render("{{ .Options.hello }}", options(Map.of("hello", "")))).isEmpty();
        assertThat(renderer.render("{{ .Options.hello }}", options(Map.of("hello", "someValue"))))
                .isEqualTo("someValue");
        assertThat(renderer.render("{{ .Options.test | lower}} world", options(Map.of("test", "HELLO"))))
                .isEqualTo("hello world");
    }

    @Test
    void dashInAKeyIsAParseError() {
        assertThatThrownBy(() -> renderer.render("{{ .Options.hello-world }}", options(Map.of("hello-world", "x"))))
                .isInstanceOfSatisfying(TemplateError.class,
                        e -> assertThat(e.phase()).isEqualTo(TemplateError.Phase.PARSE));
    }

    @Test
    void missingKeyIsRewrittenAsKanisterDoes() {
        assertThatThrownBy(() -> renderer.render("{{ .Options.hello }}", options(Map.of())))
                .isInstanceOfSatisfying(TemplateError.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("template: config:1:11: executing \"config\" at "
                            + "<.Options.hello>: map has no entry for key \"hello\"");
                    assertThat(e.kanisterMessage()).isEqualTo("Failed to render template: \"hello\" not found");
                });
    }

    @Test
    void otherErrorsKeepGosMessage() {
        assertThatThrownBy(() -> renderer.render("{{ fail \"boom\" }}", options(Map.of())))
                .isInstanceOfSatisfying(TemplateError.class, e -> assertThat(e.kanisterMessage())
                        .isEqualTo("template: config:1:3: executing \"config\" at <fail \"boom\">: "
                                + "error calling fail: boom"));
    }

    @Test
    void rendersListsAndMapsIncludingKeys() throws TemplateError {
        GoStruct tp = options(Map.of());
        assertThat(renderer.renderValue(List.of("{{ upper `hello` }}"), tp)).isEqualTo(List.of("HELLO"));
        assertThat(renderer.renderValue(Map.of("{{ upper `hello` }}", List.of("{{ upper `hello` }}", 3L, true)), tp))
                .isEqualTo(Map.of("HELLO", List.of("HELLO", 3L, true)));
    }

    @Test
    void nonStringsPassUnchanged() throws TemplateError {
        assertThat(renderer.renderValue(null, options(Map.of()))).isNull();
        assertThat(renderer.renderValue(1.5, options(Map.of()))).isEqualTo(1.5);
    }
}
