package io.kanisterhooks.render;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Wait and WaitV2 condition evaluation, with the examples of Kanister's Wait and WaitV2 documentation on a sample Deployment. */
class ConditionsTest {

    private final Map<String, Object> deployment = TestFiles.object("render/deployment.json");

    @Test
    void waitSubstitutesThenRendersWithNilData() throws TemplateError {
        ConditionResult r = new WaitCondition().evaluate("{{ if and (eq {$.spec.replicas} {$.status.availableReplicas})"
                + " (eq \"{ $.status.conditions[?(@.type == \"Available\")].status }\" \"True\") }}\n  true\n"
                + "{{ else }}false{{ end }}", deployment);
        assertThat(r.resolvedCondition()).isEqualTo("{{ if and (eq 3 3) (eq \"True\" \"True\") }}\n  true\n"
                + "{{ else }}false{{ end }}");
        assertThat(r.output()).isEqualTo("\n  true\n");
        assertThat(r.satisfied()).isTrue();
    }

    @Test
    void waitConditionWithoutReferenceIsAPlainTemplate() throws TemplateError {
        assertThat(new WaitCondition().evaluate("{{ if \"$.status.ready\" }}true{{ end }}", deployment).satisfied())
                .isTrue();
    }

    @Test
    void waitJsonPathFailureIsAJsonPathError() {
        assertThatThrownBy(() -> new WaitCondition().evaluate("{{ {$.status.nope} }}", deployment))
                .isInstanceOfSatisfying(TemplateError.class, e -> {
                    assertThat(e.phase()).isEqualTo(TemplateError.Phase.JSONPATH);
                    assertThat(e.innerError()).isEqualTo("nope is not found");
                });
    }

    @Test
    void waitV2UsesKubectlsGoTemplates() throws TemplateError {
        WaitV2Condition waitV2 = new WaitV2Condition();
        assertThat(waitV2.evaluate("{{ $available := false }}{{ range $condition := $.status.conditions }}"
                + "{{ if and (eq .type \"Available\") (eq .status \"True\") }}{{ $available = true }}{{ end }}"
                + "{{ end }}{{ $available }}", deployment).satisfied()).isTrue();
        assertThat(waitV2.evaluate("{{ if (eq .spec.replicas .status.readyReplicas )}}true{{ else }}false{{ end }}",
                deployment).satisfied()).isTrue();
        assertThat(waitV2.evaluate("{{ .status.missingField }}", deployment).output()).isEqualTo("<no value>");
        assertThat(waitV2.evaluate("{{ if exists . \"status\" \"conditions\" 1 }}true{{ end }}", deployment)
                .satisfied()).isTrue();
        assertThat(waitV2.evaluate("{{ if exists . \"status\" \"conditions\" 2 }}true{{ end }}", deployment)
                .satisfied()).isFalse();
    }

    @Test
    void waitV2SwallowsParseErrors() throws TemplateError {
        ConditionResult r = new WaitV2Condition().evaluate("{{ upper .status.phase }}", deployment);
        assertThat(r.satisfied()).isFalse();
        assertThat(r.output()).isEmpty();
    }

    @Test
    void waitV2ExecErrorsAreWrappedLikeKubectl() {
        assertThatThrownBy(() -> new WaitV2Condition().evaluate("{{ base64decode .metadata.name }}",
                Map.of("metadata", Map.of("name", "%%%"))))
                .isInstanceOfSatisfying(TemplateError.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("error executing template \"{{ base64decode .metadata.name }}\""
                            + ": template: output:1:3: executing \"output\" at <base64decode .metadata.name>: "
                            + "error calling base64decode: base64 decode failed: illegal base64 data at input byte 0");
                    assertThat(e.innerError()).startsWith("template: output:1:3:");
                });
    }

    @Test
    void syntaxCheckReportsGosMessageAndLine() {
        assertThat(TemplateSyntax.check("{{ .Options.a }}", Dialect.KANISTER_ARGS)).isEmpty();
        assertThat(TemplateSyntax.check("line one\n{{ if }}\n", Dialect.KANISTER_ARGS))
                .hasValue(new TemplateSyntax.SyntaxError("template: config:2: missing value for if", 2));
        assertThat(TemplateSyntax.check("{{ upper .x }}", Dialect.WAIT_V2))
                .hasValue(new TemplateSyntax.SyntaxError("template: output:1: function \"upper\" not defined", 1));
    }

    @Test
    void profileReferencesAreFoundInFieldAndVariableChains() {
        assertThat(TemplateSyntax.referencesProfile("{{ toJson .Profile }}")).isTrue();
        assertThat(TemplateSyntax.referencesProfile("{{ range .Pods }}{{ $.Profile.Location.Bucket }}{{ end }}"))
                .isTrue();
        assertThat(TemplateSyntax.referencesProfile("{{ define \"x\" }}{{ .Profile }}{{ end }}")).isTrue();
        assertThat(TemplateSyntax.referencesProfile("{{ .Options.Profile }} {{ $p := 1 }}")).isFalse();
        assertThat(TemplateSyntax.referencesProfile("{{ .Profile")).isFalse();
    }
}
