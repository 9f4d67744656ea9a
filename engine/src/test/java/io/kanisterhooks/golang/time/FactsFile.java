package io.kanisterhooks.golang.time;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Reads a tab-separated facts file recorded from the Go reference implementation: lines start with a kind letter,
 * the remaining fields become one test case each.
 */
public final class FactsFile {

    private FactsFile() {
    }

    public static Stream<Arguments> rows(String resource, String kind) {
        try (InputStream in = FactsFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith(kind + "\t"))
                    .map(l -> l.split("\t", -1))
                    .map(f -> Arguments.of((Object) Arrays.copyOfRange(f, 1, f.length)))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
