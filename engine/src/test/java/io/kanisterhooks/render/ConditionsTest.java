package io.kanisterhooks.render;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionsTest {

    private final FakeTemplates templates = new FakeTemplates();
    private final Map<String, Object> pod = Map.of("status", Map.of("phase", "Running"));

    @Test
    void waitSubstitutesThenRendersWithTheWaitDialect() throws TemplateError {
        WaitCondition wait = new WaitCondition(new TemplateCache(templates, TemplateOptions.WAIT));
        ConditionResult r = wait.evaluate("ok:\n true {$.status.phase}", pod);
        assertThat(r.resolvedCondition()).isEqualTo("ok:\n true Running");
        assertThat(r.output()).isEqualTo("\n true Running");
        assertThat(r.satisfied()).isFalse();
        assertThat(wait.evaluate("ok: true\n", pod).satisfied()).isTrue();
        assertThat(templates.parsed).first().isEqualTo("config:ok:\n true Running");
    }

    @Test
    void waitJsonPathFailureIsAJsonPathError() {
        WaitCondition wait = new WaitCondition(new TemplateCache(templates, TemplateOptions.WAIT));
        assertThatThrownBy(() -> wait.evaluate("ok:{$.status.nope}", pod))
                .isInstanceOfSatisfying(TemplateError.class, e -> {
                    assertThat(e.phase()).isEqualTo(TemplateError.Phase.JSONPATH);
                    assertThat(e.innerError()).isEqualTo("nope is not found");
                    assertThat(e.getMessage()).startsWith("error executing jsonpath \"{.status.nope}\"");
                });
    }

    @Test
    void waitV2SwallowsParseErrors() throws TemplateError {
        WaitV2Condition waitV2 = new WaitV2Condition(new TemplateCache(templates, TemplateOptions.WAIT_V2));
        ConditionResult r = waitV2.evaluate("parse:function \"upper\" not defined", pod);
        assertThat(r.satisfied()).isFalse();
        assertThat(r.output()).isEmpty();
        assertThat(templates.parsed).containsExactly("output:parse:function \"upper\" not defined");
    }

    @Test
    void waitV2ExecErrorsAreWrappedLikeKubectl() {
        WaitV2Condition waitV2 = new WaitV2Condition(new TemplateCache(templates, TemplateOptions.WAIT_V2));
        assertThatThrownBy(() -> waitV2.evaluate("exec:boom", pod))
                .isInstanceOfSatisfying(TemplateError.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("error executing template \"exec:boom\": boom");
                    assertThat(e.innerError()).isEqualTo("boom");
                });
    }

    @Test
    void syntaxCheckReportsGosMessageAndLine() {
        TemplateSyntax syntax = new TemplateSyntax(templates);
        assertThat(syntax.check("ok:fine", TemplateOptions.KANISTER_ARGS)).isEmpty();
        assertThat(syntax.check("parse:template: config:3: unexpected \"}\" in operand", TemplateOptions.KANISTER_ARGS))
                .hasValue(new TemplateSyntax.SyntaxError("template: config:3: unexpected \"}\" in operand", 3));
        assertThat(syntax.referencesProfile("ok:{{ .Profile.Location.Bucket }}")).isTrue();
        assertThat(syntax.referencesProfile("parse:x")).isFalse();
    }
}
