package io.kanisterhooks.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a file the user named: all of it replaces the old one, nothing else is left in its directory. */
class OutputFileTest {

    @TempDir
    Path dir;

    @Test
    void theTextReplacesTheOldFileInADirectoryCreatedForIt() throws Exception {
        Path file = dir.resolve("a/b/plan.json");
        OutputFile.replace(file, "first");
        OutputFile.replace(file, "second\n");

        assertThat(Files.readString(file)).isEqualTo("second\n");
        assertThat(names(file.getParent())).containsExactly("plan.json");
    }

    @Test
    void theAttributesGiveTheNewFileItsPermissions() throws Exception {
        Path file = Files.writeString(dir.resolve("state.json"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        OutputFile.replace(file, "new", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));

        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(file)).isEqualTo("new");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryOne() throws Exception {
        Path file = Files.createDirectories(dir.resolve("plan.json"));
        Files.writeString(file.resolve("inside"), "a directory where the file should go");

        assertThatThrownBy(() -> OutputFile.replace(file, "text")).isInstanceOf(IOException.class);

        assertThat(names(dir)).containsExactly("plan.json");
        assertThat(names(file)).containsExactly("inside");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
