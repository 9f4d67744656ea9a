package io.kanisterhooks.template.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapersTest {
    @Test
    void htmlEscapesFiveCharactersAndNul() {
        assertThat(Escapers.html("<a href=\"x\">Tom & 'Jerry'</a>\u0000"))
                .isEqualTo("&lt;a href=&#34;x&#34;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;\uFFFD");
        assertThat(Escapers.html("plain")).isEqualTo("plain");
    }

    @Test
    void jsEscapesLikeGo() {
        assertThat(Escapers.js("line\nbreak\ttab = \\ back`tick")).isEqualTo(
                "line\\u000Abreak\\u0009tab \\u003D \\\\ back`tick");
        assertThat(Escapers.js("\u2028 \u00e9 \u0001 <'\">&")).isEqualTo(
                "\\u2028 \u00e9 \\u0001 \\u003C\\'\\\"\\u003E\\u0026");
    }

    @Test
    void urlQueryIsQueryEscape() {
        assertThat(Escapers.urlQuery("https://user:pw@example.com:8443/a/b?x=1&y=two#frag")).isEqualTo(
                "https%3A%2F%2Fuser%3Apw%40example.com%3A8443%2Fa%2Fb%3Fx%3D1%26y%3Dtwo%23frag");
        assertThat(Escapers.urlQuery("a b~.-_\u00e9")).isEqualTo("a+b~.-_%C3%A9");
    }

    @Test
    void argumentsJoinLikeSprintAndNilReadsNoValue() {
        assertThat(Escapers.evalArgs(new Object[] {"a", "b", 1L})).isEqualTo("ab1");
        assertThat(Escapers.evalArgs(new Object[] {null})).isEqualTo("<no value>");
    }
}
