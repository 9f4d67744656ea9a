package io.kanisterhooks.golang.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays facts recorded from Go 1.19's time package (see the header of {@code sprig/gotime-facts.tsv}): formatting
 * with every layout element, parsing (results and error texts), ParseDuration and Duration.String.
 */
@ExtendWith(UtcLocalZone.class)
class GoTimeFactsTest {



    private static Stream<Arguments> facts(String kind) {
        return FactsFile.rows("/sprig/gotime-facts.tsv", kind);
    }

    static Stream<Arguments> formats() {
        return facts("F");
    }

    static Stream<Arguments> parses() {
        return facts("P");
    }

    static Stream<Arguments> durations() {
        return facts("D");
    }

    static Stream<Arguments> durationStrings() {
        return facts("S");
    }

    private static GoLocation location(String name) throws GoTimeException {
        return name.isEmpty() ? GoLocation.fixedZone("", -19815) : GoLocation.load(name);
    }

    @ParameterizedTest
    @MethodSource("formats")
    void formatsLikeGo(String[] f) throws GoTimeException {
        GoTime t = GoTime.unix(Long.parseLong(f[1]), Long.parseLong(f[2])).in(location(f[0]));
        assertThat(t.format(f[3])).isEqualTo(f[4]);
    }

    @ParameterizedTest
    @MethodSource("parses")
    void parsesLikeGo(String[] f) throws GoTimeException {
        GoLocation loc = location(f[0]);
        if (f[3].equals("ERR")) {
            assertThatThrownBy(() -> GoTime.parseInLocation(f[1], f[2], loc)).isInstanceOf(GoTimeException.class)
                    .hasMessage(f[4]);
            return;
        }
        GoTime t = GoTime.parseInLocation(f[1], f[2], loc);
        assertThat(new Object[] {t.unix(), t.nanosecond(), t.location().name(), t.toString()})
                .containsExactly(Long.parseLong(f[3]), Integer.parseInt(f[4]), f[5], f[6]);
    }

    @ParameterizedTest
    @MethodSource("durations")
    void parsesDurationsLikeGo(String[] f) throws GoTimeException {
        if (f[1].equals("ERR")) {
            assertThatThrownBy(() -> GoDuration.parse(f[0])).isInstanceOf(GoTimeException.class).hasMessage(f[2]);
            return;
        }
        long d = GoDuration.parse(f[0]);
        assertThat(d).isEqualTo(Long.parseLong(f[1]));
        assertThat(GoDuration.format(d)).isEqualTo(f[2]);
    }

    @ParameterizedTest
    @MethodSource("durationStrings")
    void printsAndRoundsDurationsLikeGo(String[] f) {
        long d = Long.parseLong(f[0]);
        assertThat(GoDuration.format(d)).isEqualTo(f[1]);
        assertThat(GoDuration.format(GoDuration.round(d, GoDuration.SECOND))).isEqualTo(f[2]);
    }
}
