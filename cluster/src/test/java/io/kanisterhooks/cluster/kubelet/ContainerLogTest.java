package io.kanisterhooks.cluster.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerLogTest {
    @TempDir
    Path dir;

    private static void append(ContainerLog log, String s) throws Exception {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        log.append(bytes, bytes.length);
    }

    private static String read(ContainerLog log, Map<String, List<String>> query) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        log.copyTo(LogQuery.parse(query, Instant.now()), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keepsLinesAndAnUnterminatedLastLine() throws Exception {
        ContainerLog log = new ContainerLog(dir.resolve("a.log"));
        append(log, "one\ntw");
        append(log, "o\nthree");
        log.close();
        assertThat(read(log, Map.of())).isEqualTo("one\ntwo\nthree");
    }

    @Test
    void tailLinesAndLimitBytes() throws Exception {
        ContainerLog log = new ContainerLog(dir.resolve("a.log"));
        append(log, "1\n2\n3\n4\n");
        log.close();
        assertThat(read(log, Map.of("tailLines", List.of("2")))).isEqualTo("3\n4\n");
        assertThat(read(log, Map.of("limitBytes", List.of("3")))).isEqualTo("1\n2");
    }

    @Test
    void timestampsAndSinceTime() throws Exception {
        ContainerLog log = new ContainerLog(dir.resolve("a.log"));
        append(log, "old\n");
        Thread.sleep(20);
        Instant cut = Instant.now();
        Thread.sleep(20);
        append(log, "new\n");
        log.close();
        assertThat(read(log, Map.of("sinceTime", List.of(cut.toString())))).isEqualTo("new\n");
        assertThat(read(log, Map.of("timestamps", List.of("true"))))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z old\n\\d{4}-\\d\\d-\\d\\dT\\S+Z new\n");
    }

    @Test
    void followEndsWhenTheRunEnds() throws Exception {
        ContainerLog log = new ContainerLog(dir.resolve("a.log"));
        append(log, "first\n");
        CompletableFuture<String> followed = CompletableFuture.supplyAsync(() -> {
            try {
                return read(log, Map.of("follow", List.of("true")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        append(log, "second\n");
        log.close();
        assertThat(followed.get()).isEqualTo("first\nsecond\n");
    }
}
