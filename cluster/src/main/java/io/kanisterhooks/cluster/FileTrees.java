package io.kanisterhooks.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing directory trees. */
public final class FileTrees {
    private FileTrees() {}

    /** Deletes {@code root} and everything below it; best effort (a missing tree is fine). */
    public static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // files vanished while walking: what is left is gone or will be removed with the cluster directory
        }
    }
}
