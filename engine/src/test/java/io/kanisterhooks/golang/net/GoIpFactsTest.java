package io.kanisterhooks.golang.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.golang.time.FactsFile;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays Go 1.19's net.ParseIP and IP.String on the inputs in {@code sprig/ip-facts.tsv}. */
class GoIpFactsTest {

    static Stream<Arguments> ips() {
        return FactsFile.rows("/sprig/ip-facts.tsv", "I");
    }

    @ParameterizedTest
    @MethodSource("ips")
    void parsesAndFormatsLikeGo(String[] f) {
        byte[] ip = GoIp.parse(f[0]);
        if (f[1].equals("nil")) {
            assertThat(ip).isNull();
            return;
        }
        assertThat(HexFormat.of().formatHex(ip)).isEqualTo(f[1]);
        assertThat(GoIp.format(ip)).isEqualTo(f[2]);
    }
}
