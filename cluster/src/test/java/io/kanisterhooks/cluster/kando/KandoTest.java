package io.kanisterhooks.cluster.kando;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KandoTest {
    @Test
    void printsTheMarkerLineWithGoJsonEscaping() {
        assertThat(Kando.formatOutput("k", "a<b>&\"q\"\n\tz é"))
                .isEqualTo(
                        "###Phase-output###: {\"key\":\"k\",\"value\":\"a\\u003cb\\u003e\\u0026\\\"q\\\"\\n\\tz é\"}");
    }

    @Test
    void escapesControlCharactersBackslashAndLineSeparators() {
        assertThat(Kando.formatOutput("k", "\\ \r \u0000 \u001f \u007f \b \f \u2028 \u2029"))
                .isEqualTo("###Phase-output###: {\"key\":\"k\","
                        + "\"value\":\"\\\\ \\r \\u0000 \\u001f \u007f \\b \\f \\u2028 \\u2029\"}");
    }

    @Test
    void keepsNonAsciiAndAstralCharactersAsUtf8() {
        assertThat(Kando.formatOutput("emoji_1", "ü 日本 😀"))
                .isEqualTo("###Phase-output###: {\"key\":\"emoji_1\",\"value\":\"ü 日本 😀\"}");
    }

    @Test
    void writesTheLineAndANewlineAsUtf8Bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Kando.run(new String[] {"output", "key", "é"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        assertThat(out.toByteArray()).isEqualTo("###Phase-output###: {\"key\":\"key\",\"value\":\"é\"}\n"
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyValueIsAllowed() {
        assertThat(Kando.formatOutput("k", "")).isEqualTo("###Phase-output###: {\"key\":\"k\",\"value\":\"\"}");
    }

    @Test
    void rejectsWrongArgumentCounts() {
        assertThatThrownBy(() -> Kando.formatOutput("k"))
                .hasMessage("Command accepts 2 arguments, received 1 arguments");
        assertThatThrownBy(() -> Kando.formatOutput("k", "v", "w"))
                .hasMessage("Command accepts 2 arguments, received 3 arguments");
    }

    @Test
    void rejectsEmptyAndInvalidKeys() {
        assertThatThrownBy(() -> Kando.formatOutput("", "v")).hasMessage("Key should not be empty");
        assertThatThrownBy(() -> Kando.formatOutput("a-b", "v"))
                .hasMessage("Key should contain only alphanumeric characters and underscore");
        assertThatThrownBy(() -> Kando.formatOutput("a\n", "v"))
                .hasMessage("Key should contain only alphanumeric characters and underscore");
    }

    @Test
    void errorsExitNonZeroWithTheMessageOnStderr() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Kando.run(new String[] {"output", "bad key", "v"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("Error: Key should contain only alphanumeric characters and underscore\n");
    }

    @Test
    void otherSubcommandsExplainThatThereIsNoObjectStore() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Kando.run(new String[] {"location", "push", "--profile", "p", "f"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'kando location push'").contains("no object store");
    }
}
