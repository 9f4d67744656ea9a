package io.kanisterhooks.cluster.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.kubelet.PodVolumes.Mount;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodVolumesTest {
    private static final Path ROOTFS = Path.of("/c/pods/p/rootfs/db");

    @Test
    void aMountsVariableIsItsPathInCapitals() {
        assertThat(PodVolumes.variable("/var/lib/mysql")).isEqualTo("KANISTER_HOOKS_MOUNT_VAR_LIB_MYSQL");
        assertThat(PodVolumes.variable("/var/lib/postgresql/data/")).isEqualTo(
                "KANISTER_HOOKS_MOUNT_VAR_LIB_POSTGRESQL_DATA");
        assertThat(PodVolumes.variable("/mnt/prepare-data.d")).isEqualTo("KANISTER_HOOKS_MOUNT_MNT_PREPARE_DATA_D");
    }

    @Test
    void containerPathsAreTranslatedThroughTheLongestMount() {
        List<Mount> mounts = List.of(new Mount("/var/lib", Path.of("/v/lib")),
                new Mount("/var/lib/postgresql/data", Path.of("/v/pvc-1")),
                new Mount("/var/lib/mysqlx", Path.of("/v/x")));

        assertThat(PodVolumes.hostPath(mounts, "/var/lib/postgresql/data/pgdata", ROOTFS))
                .isEqualTo(Path.of("/v/pvc-1/pgdata"));
        assertThat(PodVolumes.hostPath(mounts, "/var/lib/postgresql/data", ROOTFS)).isEqualTo(Path.of("/v/pvc-1"));
        assertThat(PodVolumes.hostPath(mounts, "/var/lib/mysql", ROOTFS)).isEqualTo(Path.of("/v/lib/mysql"));
    }

    @Test
    void aPathUnderNoMountIsInTheContainersOwnFiles() {
        assertThat(PodVolumes.hostPath(List.of(new Mount("/data", Path.of("/v/d"))), "/var/lib/mysql", ROOTFS))
                .isEqualTo(Path.of("/c/pods/p/rootfs/db/var/lib/mysql"));
    }
}
