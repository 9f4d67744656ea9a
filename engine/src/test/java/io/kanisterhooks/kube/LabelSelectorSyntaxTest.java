package io.kanisterhooks.kube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Label selectors as apimachinery's {@code labels.Parse} accepts them, checked before any request. */
class LabelSelectorSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "app", "!app", "app=web", "app==web", "app!=web", "app=", "app in (a, b)",
        "app notin (a)", "example.com/app=x", "a=b,c!=d,!e,f in (g)", "count>3", "count<10",
        " app = web "})
    void validSelectorsPass(String selector) {
        assertThat(LabelSelectorSyntax.problem(selector)).as(selector).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"app in (a", "app===x", "!", "bad key!=x", "app=has space", "app notin", "a,,b",
        "app in a", "=web", "count>x", "app=-bad-", "Example.COM/_x=y", "app in (a b)"})
    void invalidSelectorsSayWhy(String selector) {
        assertThat(LabelSelectorSyntax.problem(selector)).as(selector).isPresent();
    }
}
