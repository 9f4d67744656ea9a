package io.kanisterhooks.cluster.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerBinariesTest {
    @TempDir
    Path dir;

    @Test
    void anIncompleteDirectoryFailsWithWhatToRun() throws Exception {
        Files.createFile(dir.resolve("kube-apiserver")).toFile().setExecutable(true);

        assertThat(ServerBinaries.isComplete(dir)).isFalse();
        assertThatThrownBy(() -> ServerBinaries.in(dir))
                .hasMessageContaining("kube-controller-manager")
                .hasMessageContaining("bin/local-cluster provision");
    }
}
