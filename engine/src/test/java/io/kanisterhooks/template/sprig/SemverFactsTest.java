package io.kanisterhooks.template.sprig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanisterhooks.golang.errors.GoException;
import io.kanisterhooks.golang.time.FactsFile;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays facts recorded from Masterminds/semver v1.5.0 ({@code sprig/semver-facts.tsv}). */
class SemverFactsTest {

    private static final String FACTS = "/sprig/semver-facts.tsv";

    static Stream<Arguments> versions() {
        return FactsFile.rows(FACTS, "V");
    }

    static Stream<Arguments> comparisons() {
        return FactsFile.rows(FACTS, "C");
    }

    static Stream<Arguments> constraints() {
        return FactsFile.rows(FACTS, "K");
    }

    @ParameterizedTest
    @MethodSource("versions")
    void parsesVersions(String[] f) throws GoException {
        if (f[1].equals("ERR")) {
            assertThatThrownBy(() -> SemverVersion.parse(f[0])).hasMessage(f[2]);
            return;
        }
        SemverVersion v = SemverVersion.parse(f[0]);
        assertThat(new Object[] {v.major(), v.minor(), v.patch(), v.prerelease(), v.metadata(), v.original(),
            v.toString()}).containsExactly(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), f[4],
                f[5], f[6], f[7]);
    }

    @ParameterizedTest
    @MethodSource("comparisons")
    void comparesVersions(String[] f) throws GoException {
        assertThat(SemverVersion.parse(f[0]).compareTo(SemverVersion.parse(f[1]))).isEqualTo(Integer.parseInt(f[2]));
    }

    @ParameterizedTest
    @MethodSource("constraints")
    void checksConstraints(String[] f) throws GoException {
        if (f[1].equals("ERR")) {
            assertThatThrownBy(() -> SemverConstraints.parse(f[0])).hasMessage(f[2]);
            return;
        }
        assertThat(SemverConstraints.parse(f[0]).check(SemverVersion.parse(f[1])))
                .as("%s on %s", f[0], f[1]).isEqualTo(Boolean.parseBoolean(f[2]));
    }
}
