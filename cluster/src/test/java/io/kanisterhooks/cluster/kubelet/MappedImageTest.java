package io.kanisterhooks.cluster.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MappedImageTest {
    @ParameterizedTest
    @CsvSource({
        "mariadb, MARIADB",
        "mariadb:10.11, MARIADB",
        "docker.io/library/mariadb:11, MARIADB",
        "library/mariadb@sha256:0123abcd, MARIADB",
        "postgres:15, POSTGRES",
        "docker.io/postgres:16-alpine, POSTGRES",
        "mysql:8, ",
        "bitnami/postgresql:15, ",
        "bitnami/mariadb:10.11, ",
        "registry.example:5000/postgres:15, ",
        "mariadb-operator:1, ",
        "busybox, ",
    })
    void onlyTheOfficialMariaDbAndPostgresImagesAreMapped(String image, MappedImage expected) {
        assertThat(MappedImage.of(image)).isEqualTo(expected);
    }

    @Test
    void theDataDirectoryIsTheImagesUnlessPgdataMovesIt() {
        assertThat(MappedImage.MARIADB.dataPath(Map.of("PGDATA", "/x"))).isEqualTo("/var/lib/mysql");
        assertThat(MappedImage.POSTGRES.dataPath(Map.of())).isEqualTo("/var/lib/postgresql/data");
        assertThat(MappedImage.POSTGRES.dataPath(Map.of("PGDATA", "/var/lib/postgresql/data/pgdata")))
                .isEqualTo("/var/lib/postgresql/data/pgdata");
        assertThat(MappedImage.POSTGRES.dataEnvironment(Path.of("/h/pgdata")))
                .isEqualTo(Map.of("KANISTER_HOOKS_DATA_DIR", "/h/pgdata", "PGDATA", "/h/pgdata"));
        assertThat(MappedImage.MARIADB.dataEnvironment(Path.of("/h/mysql")))
                .isEqualTo(Map.of("KANISTER_HOOKS_DATA_DIR", "/h/mysql"));
    }

    @Test
    void clientsGetThePodsSocketAndPort() {
        assertThat(MappedImage.MARIADB.clientEnvironment(Path.of("/c/run/ab"), 41000)).isEqualTo(Map.of(
                "MYSQL_HOME", "/c/run/ab", "MYSQL_UNIX_PORT", "/c/run/ab/mysqld.sock", "MYSQL_TCP_PORT", "41000"));
        assertThat(MappedImage.POSTGRES.clientEnvironment(Path.of("/c/run/ab"), 41001))
                .isEqualTo(Map.of("PGHOST", "/c/run/ab", "PGPORT", "41001"));
    }
}
