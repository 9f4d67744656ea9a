package io.kanisterhooks.golang.strings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Go's {@code strings.EqualFold}, checked against values produced by Go itself. */
class GoStringsTest {

    @Test
    void foldingMatchesGoEqualFold() {
        assertThat(GoStrings.equalFold("apiVersion", "APIVERSION")).isTrue();
        assertThat(GoStrings.equalFold("kind", "\u212Aind")).isTrue();
        assertThat(GoStrings.equalFold("status", "\u017Ftatus")).isTrue();
        assertThat(GoStrings.equalFold("image", "\u0131mage")).isFalse();
        assertThat(GoStrings.equalFold("name", "names")).isFalse();
    }
}
