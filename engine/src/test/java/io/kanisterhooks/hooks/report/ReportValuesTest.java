package io.kanisterhooks.hooks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Durations as the console and the reports show them: the same digits whatever the JVM's default locale. */
class ReportValuesTest {

    @Test
    void durationsAreNotLocalized() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY); // decimal comma
            assertThat(ReportValues.human(Duration.ofMillis(1234))).isEqualTo("1.2s");
            assertThat(ReportValues.human(Duration.ofMillis(1250))).isEqualTo("1.3s");
            assertThat(ReportValues.human(Duration.ofMillis(59_949))).isEqualTo("59.9s");
            assertThat(ReportValues.human(Duration.ofSeconds(123))).isEqualTo("2m3s");
            assertThat(ReportValues.human(Duration.ofSeconds(3600))).isEqualTo("1h0m0s");
        } finally {
            Locale.setDefault(before);
        }
    }
}
