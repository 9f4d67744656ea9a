package io.kanisterhooks.render;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgRendererTest {

    private final FakeTemplates templates = new FakeTemplates();
    private final ArgRenderer renderer =
            new ArgRenderer(new TemplateCache(templates, TemplateOptions.KANISTER_ARGS));

    @Test
    void missingKeyErrorIsRewrittenWithTheLastKey() {
        String go = "template: config:1:11: executing \"config\" at <.ArtifactsIn.missingArt.KeyValue.x>: "
                + "map has no entry for key \"missingArt\"";
        assertThatThrownBy(() -> renderer.render("exec:" + go, Map.of()))
                .isInstanceOfSatisfying(TemplateError.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(go);
                    assertThat(e.kanisterMessage()).isEqualTo("Failed to render template: \"missingArt\" not found");
                    assertThat(e.phase()).isEqualTo(TemplateError.Phase.EXEC);
                });
    }

    @Test
    void otherErrorsKeepGosMessage() {
        assertThatThrownBy(() -> renderer.render("exec:boom", Map.of()))
                .isInstanceOfSatisfying(TemplateError.class, e -> assertThat(e.kanisterMessage()).isEqualTo("boom"));
    }

    @Test
    void rendersStringsInsideListsAndMapsIncludingKeys() throws TemplateError {
        Object rendered = renderer.renderValue(
                Map.of("ok:HELLO", List.of("ok:a", 3L, true), "n", 1.5), Map.of());
        assertThat(rendered).isEqualTo(Map.of("HELLO", List.of("a", 3L, true), "n", 1.5));
    }

    @Test
    void nonStringsPassUnchanged() throws TemplateError {
        assertThat(renderer.renderValue(null, Map.of())).isNull();
        assertThat(renderer.renderValue(42L, Map.of())).isEqualTo(42L);
    }

    @Test
    void parsesEachTextOnceWithTheConfigName() throws TemplateError {
        renderer.render("data:x", Map.of("x", "1"));
        renderer.render("data:x", Map.of("x", "2"));
        assertThatThrownBy(() -> renderer.render("parse:bad", Map.of()));
        assertThatThrownBy(() -> renderer.render("parse:bad", Map.of()));
        assertThat(templates.parsed).containsExactly("config:data:x", "config:parse:bad");
    }
}
