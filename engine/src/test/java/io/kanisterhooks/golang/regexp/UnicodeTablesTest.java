package io.kanisterhooks.golang.regexp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.golang.strings.CaseOrbits;
import org.junit.jupiter.api.Test;

class UnicodeTablesTest {

    @Test
    void knowsGoScriptAndCategoryNamesCaseSensitively() {
        assertThat(UnicodeTables.lookup("Greek").contains(0x3b1)).isTrue();
        assertThat(UnicodeTables.lookup("SignWriting").contains(0x1d800)).isTrue();
        assertThat(UnicodeTables.lookup("Lu").contains('A')).isTrue();
        assertThat(UnicodeTables.lookup("C").contains(0x378)).as("unassigned is not in Go's C").isFalse();
        assertThat(UnicodeTables.lookup("greek")).isNull();
        assertThat(UnicodeTables.lookup("Unknown")).isNull();
    }

    @Test
    void caseOrbitsFollowSimpleFolding() {
        assertThat(CaseOrbits.orbit('k')).containsExactlyInAnyOrder('K', 0x212a);
        assertThat(CaseOrbits.orbit(0x3c3)).containsExactlyInAnyOrder(0x3a3, 0x3c2);
        assertThat(CaseOrbits.orbit(0x131)).isEmpty();
        assertThat(CaseOrbits.orbit('1')).isEmpty();
    }
}
