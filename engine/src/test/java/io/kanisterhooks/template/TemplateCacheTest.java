package io.kanisterhooks.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateCacheTest {
    @Test
    void parsesEachTextOnce() {
        TemplateCache cache = new TemplateCache("config", TemplateOptions.defaults(), 2);
        Template first = cache.get("{{.a}}");
        assertThat(cache.get("{{.a}}")).isSameAs(first);
        assertThat(cache.get("{{.b}}").execute(Map.of("b", "x"))).isEqualTo("x");
        cache.get("{{.c}}");
        assertThat(cache.get("{{.c}}").name()).isEqualTo("config");
    }

    @Test
    void parseErrorsAreNotCached() {
        TemplateCache cache = new TemplateCache("config", TemplateOptions.defaults(), 10);
        assertThatThrownBy(() -> cache.get("{{")).isInstanceOf(TemplateParseException.class);
        assertThatThrownBy(() -> cache.get("{{")).isInstanceOf(TemplateParseException.class);
    }

    @Test
    void executesIntoAnAppendable() {
        StringWriter w = new StringWriter();
        Template.parse("config", "a{{.}}", TemplateOptions.defaults()).execute(1L, w);
        assertThat(w).hasToString("a1");
    }
}
