package io.kanisterhooks.golang.strconv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoQuoteTest {
    @Test
    void quoteEscapesNonPrintables() {
        assertThat(GoQuote.quote("a\"b\\c\n\t\u0007\u007f\u00a0\u00e9\u2028\uD83D\uDE00"))
                .isEqualTo("\"a\\\"b\\\\c\\n\\t\\a\\x7f\\u00a0\u00e9\\u2028\uD83D\uDE00\"");
        assertThat(GoQuote.quoteToAscii("h\u00e9llo \u2713 \uD83D\uDE00"))
                .isEqualTo("\"h\\u00e9llo \\u2713 \\U0001f600\"");
        assertThat(GoQuote.quoteRune(3, false)).isEqualTo("'\\x03'");
        assertThat(GoQuote.quoteRune('\'', false)).isEqualTo("'\\''");
        assertThat(GoQuote.quoteRune(0x110000, false)).isEqualTo("'\uFFFD'");
    }

    @Test
    void backquotability() {
        assertThat(GoQuote.canBackquote("a\tb \u00e9")).isTrue();
        assertThat(GoQuote.canBackquote("a`b")).isFalse();
        assertThat(GoQuote.canBackquote("a\nb")).isFalse();
        assertThat(GoQuote.canBackquote("\uFEFF")).isFalse();
    }

    @Test
    void unquoteReadsGoLiterals() {
        assertThat(GoQuote.unquote("\"\\x41\\u00e9\\U0001F600\\101\\a\\\\\\\"\"")).isEqualTo("A\u00e9\uD83D\uDE00A\u0007\\\"");
        assertThat(GoQuote.unquote("\"\\xc3\\xa9\"")).isEqualTo("\u00e9");
        assertThat(GoQuote.unquote("`a\r\\n`")).isEqualTo("a\\n");
        assertThat(GoQuote.unquote("'x'")).isEqualTo("x");
        for (String bad : new String[] {"\"\\'\"", "\"\\z\"", "'ab'", "\"a", "\"\\400\"", "\"\\ud800\"", "x"}) {
            assertThatThrownBy(() -> GoQuote.unquote(bad)).hasMessage("invalid syntax");
        }
        assertThat(GoQuote.unquoteChar("\\n'", '\'').rune()).isEqualTo('\n');
        assertThat(GoQuote.unquoteChar("ab'", '\'').tail()).isEqualTo("b'");
    }
}
