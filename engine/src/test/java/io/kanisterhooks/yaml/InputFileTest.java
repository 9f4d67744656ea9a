package io.kanisterhooks.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a file the user named: bounded, and every failure in words with the file's name. */
class InputFileTest {

    @TempDir
    Path dir;

    @Test
    void aFileUpToTheLimitIsReadAndOneByteMoreIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("f.yaml"), "x".repeat(100));
        assertThat(InputFile.read(file, 100, "YAML file")).hasSize(100);
        assertThatThrownBy(() -> InputFile.read(file, 99, "YAML file")).isInstanceOf(InputException.class)
                .hasMessageContaining("is larger than 99 bytes, the limit for a YAML file");
    }

    @Test
    void devicesCostNoMoreThanTheLimit() {
        assertThatThrownBy(() -> InputFile.read(Path.of("/dev/zero"), 1 << 20, "data file"))
                .isInstanceOf(InputException.class).hasMessageContaining("larger than 1048576 bytes");
    }

    @Test
    void missingDirectoryAndInvalidUtf8AreNamed() throws IOException {
        assertThatThrownBy(() -> InputFile.read(dir.resolve("nope.yaml"), 10, "YAML file"))
                .hasMessage("no such file or directory").satisfies(e -> assertThat(((InputException) e).position()
                        .file()).isEqualTo(dir.resolve("nope.yaml").toString()));
        assertThatThrownBy(() -> InputFile.read(dir, 10, "YAML file")).hasMessageContaining("is a directory");
        Path bad = Files.write(dir.resolve("bad.yaml"), new byte[] {'a', ':', ' ', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> InputFile.readText(bad, 100, "YAML file")).isInstanceOf(InputException.class)
                .hasMessageNotContaining("Exception").satisfies(e -> assertThat(((InputException) e).position()
                        .line()).isEqualTo(1));
    }
}
