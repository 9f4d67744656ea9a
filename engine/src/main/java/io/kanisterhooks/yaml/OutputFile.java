package io.kanisterhooks.yaml;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.util.UUID;

/**
 * Writes a file the user named, all at once: the text goes to a temporary file in the same directory that is then
 * renamed over the old one, so a reader (an archiving step, a later invocation) sees the old file or the new one,
 * never half of one — also when the process is killed while writing.
 */
public final class OutputFile {

    private OutputFile() {
    }

    /**
     * Replaces {@code file} with {@code text}, creating its directory when needed.
     *
     * @param attributes of the new file (owner-only permissions for a file that may hold credentials); none: the
     *                   defaults of a new file of this process
     */
    public static void replace(Path file, String text, FileAttribute<?>... attributes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // a dot file, named after the file: an archiving glob misses it, and a leftover says whose it was
        Path tmp = Files.createFile(dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp"),
                attributes);
        try {
            Files.writeString(tmp, text);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
