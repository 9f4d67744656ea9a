package io.kanisterhooks.render;

import io.kanisterhooks.jsonpath.JsonPathException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPathReferencesTest {

    private final Map<String, Object> deployment = TestFiles.object("render/deployment.json");

    @Test
    void findsReferencesWithAndWithoutSpaces() {
        assertThat(JsonPathReferences.find(
                "{{ if (eq {$.spec.replicas} { $.status.replicas } )}}true{{ else }}false{{ end }}"))
                .containsExactly(
                        Map.entry("{$.spec.replicas}", ".spec.replicas"),
                        Map.entry("{ $.status.replicas }", ".status.replicas "));
    }

    @Test
    void referenceEndsAtTheFirstClosingBrace() {
        assertThat(JsonPathReferences.find("{{ if (eq {$.book[?(@.price<10).quantity} 10 )}}true{{ end }}"))
                .containsExactly(Map.entry("{$.book[?(@.price<10).quantity}", ".book[?(@.price<10).quantity"));
    }

    @Test
    void findsReferencesAcrossLines() {
        String condition = "{{ if and (eq {$.spec.replicas} {$.status.availableReplicas} )\n"
                + "  (eq \"{ $.status.conditions[?(@.type == \"Available\")].status }\" \"True\") }}\n"
                + "true\n{{ end }}";
        assertThat(JsonPathReferences.find(condition)).containsExactly(
                Map.entry("{$.spec.replicas}", ".spec.replicas"),
                Map.entry("{$.status.availableReplicas}", ".status.availableReplicas"),
                Map.entry("{ $.status.conditions[?(@.type == \"Available\")].status }",
                        ".status.conditions[?(@.type == \"Available\")].status "));
    }

    @Test
    void withoutDollarThereIsNoReference() {
        assertThat(JsonPathReferences.find("{{ if (eq .Book.Quantity} 10 )}}true{{ end }}")).isEmpty();
        assertThat(JsonPathReferences.find("{{ if \"$.status.ready\" }}true{{ end }}")).isEmpty();
    }

    @Test
    void verticalTabIsNotGoWhiteSpace() {
        assertThat(JsonPathReferences.find("{\u000B$.a}")).isEmpty();
        assertThat(JsonPathReferences.find("{\t\n $.a}")).containsExactly(Map.entry("{\t\n $.a}", ".a"));
    }

    @Test
    void resolvesEveryOccurrence() throws JsonPathException {
        assertThat(JsonPathReferences.resolve(
                "{{ if and (eq {$.spec.replicas} { $.status.availableReplicas }) (eq {$.spec.replicas} 3) }}",
                deployment))
                .isEqualTo("{{ if and (eq 3 3) (eq 3 3) }}");
    }

    @Test
    void resolvesFiltersAsKanistersOwnTestsDo() throws JsonPathException {
        assertThat(JsonPathReferences.resolve("{$.status.conditions[?(@.type == \"Available\")].type}", deployment))
                .isEqualTo("Available");
        assertThat(JsonPathReferences.resolve("{ $.status.conditions[?(@.type == \"Available\")].status }",
                deployment)).isEqualTo("True");
    }

    @Test
    void unparsablePathBecomesEmpty() throws JsonPathException {
        assertThat(JsonPathReferences.resolve("{{ if \"{$.status[}\" }}x{{ end }}", deployment))
                .isEqualTo("{{ if \"\" }}x{{ end }}");
    }

    @Test
    void variablesAreMangledLikeInKanister() throws JsonPathException {
        // "{ $x := \"{$.status.phase}" is taken as one reference whose path does not parse
        assertThat(JsonPathReferences.resolve(
                "{{ $x := \"{$.status.phase}\" }}{{ if eq $x \"Running\" }}true{{ end }}", deployment))
                .isEqualTo("{\" }}{{ if eq $x \"Running\" }}true{{ end }}");
    }

    @Test
    void missingFieldFailsWithKubectlsMessage() {
        assertThatThrownBy(() -> JsonPathReferences.resolve("{{ {$.status.something} }}", Map.of("status", Map.of())))
                .isInstanceOf(JsonPathException.class)
                .hasMessage("error executing jsonpath \"{.status.something}\": Error executing template: "
                        + "something is not found. Printing more information for debugging the template:\n"
                        + "\ttemplate was:\n\t\t{.status.something}\n"
                        + "\tobject given to jsonpath engine was:\n"
                        + "\t\tmap[string]interface {}{\"status\":map[string]interface {}{}}\n\n\n")
                .extracting(e -> ((JsonPathException) e).innerError()).isEqualTo("something is not found");
    }
}
