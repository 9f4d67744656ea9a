package io.kanisterhooks.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/** Output markers are shown as {@code output KEY = VALUE}, never as the raw marker with its JSON payload. */
class OutputDisplayTest {

    private static final BinaryOperator<String> MASK_PASSWORDS = (k, v) -> k.contains("password") ? "****" : v;

    @Test
    void aMarkerLineShowsKeyAndValueAsDecided() {
        assertThat(OutputDisplay.line(KandoOutput.format("password", "S3cr3t"), MASK_PASSWORDS))
                .isEqualTo("output password = ****");
        assertThat(OutputDisplay.line("before " + KandoOutput.format("at", "10:02"), MASK_PASSWORDS))
                .isEqualTo("before output at = 10:02");
    }

    @Test
    void ordinaryLinesAreUnchanged() {
        assertThat(OutputDisplay.line("dumping 3 tables", MASK_PASSWORDS)).isEqualTo("dumping 3 tables");
        assertThat(OutputDisplay.line(null, MASK_PASSWORDS)).isNull();
    }

    @Test
    void aMalformedMarkerIsNotShown() {
        String line = KandoOutput.MARKER + " {\"key\":\"password\",\"value\":S3cr3t";
        assertThat(OutputDisplay.line(line, MASK_PASSWORDS)).isEqualTo("output (a malformed output marker; not shown)")
                .doesNotContain("S3cr3t");
    }

    @Test
    void lineEndsAreKept() {
        String text = "stdout: " + KandoOutput.format("at", "1") + "\r\nout line\nlast";
        assertThat(OutputDisplay.text(text, MASK_PASSWORDS)).isEqualTo("stdout: output at = 1\r\nout line\nlast");
    }

    @Test
    void everyLineOfATextIsShownSo() {
        String text = "Failed to exec command in pod: exit 1\nstdout:\n" + KandoOutput.format("password", "S3cr3t");
        assertThat(OutputDisplay.text(text, MASK_PASSWORDS)).isEqualTo("Failed to exec command in pod: exit 1\n"
                + "stdout:\noutput password = ****");
    }
}
