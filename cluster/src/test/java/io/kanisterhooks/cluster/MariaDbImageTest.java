package io.kanisterhooks.cluster;

import static io.kanisterhooks.cluster.TestPods.assertSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.CommandResult;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.cluster.junit.SampleApps;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code mariadb} image on the local cluster: a real MariaDB server per pod, its data on the pod's claim, reached
 * by commands exec'd into the pod, shut down cleanly when the pod goes.
 */
@ExtendWith(LocalClusterExtension.class)
class MariaDbImageTest {
    static final SampleApps DB = SampleApps.MARIADB;
    static final Duration START = Duration.ofMinutes(3);

    @Test
    void aStatefulSetsServerHonoursReadOnlyAndKeepsItsRowsAcrossARestart(KubeTestContext k) throws Exception {
        DB.deploy(k);
        V1Pod first = DB.awaitReady(k, START);

        assertSucceeded(root(k, "CREATE TABLE shop.orders (id INT PRIMARY KEY, item VARCHAR(20));"
                + " INSERT INTO shop.orders VALUES (1, 'tea'), (2, 'cake')"));
        String[] where = root(k, "SELECT @@port, @@socket, @@datadir").stdout().strip().split("\t");
        assertThat(where).as("the pod's own port and socket, its claim's directory").containsExactly(
                DB.exec(k, "echo \"$MYSQL_TCP_PORT\"").stdout().strip(),
                DB.exec(k, "echo \"$MYSQL_UNIX_PORT\"").stdout().strip(), DB.dataDirectory(k) + "/");
        assertThat(Integer.parseInt(where[0])).isNotEqualTo(3306);
        long server = k.containerPid(DB.pod(), "mariadb").orElseThrow();
        assertThat(ProcessFacts.uid(server)).as("the image's user, as its entrypoint switches to it")
                .isEqualTo(ProcessFacts.userId("mysql"));

        assertSucceeded(root(k, "FLUSH TABLES; SET GLOBAL read_only = ON"));
        CommandResult refused = app(k, "INSERT INTO orders VALUES (3, 'pie')");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("ERROR 1290").contains("--read-only option");
        assertSucceeded(root(k, "SET GLOBAL read_only = OFF"));
        assertSucceeded(app(k, "INSERT INTO orders VALUES (3, 'pie')"));

        V1Pod second = DB.restart(k, START);
        assertThat(second.getMetadata().getUid()).isNotEqualTo(first.getMetadata().getUid());

        assertThat(app(k, "SELECT id, item FROM orders ORDER BY id").stdout())
                .isEqualTo("1\ttea\n2\tcake\n3\tpie\n");
        String log = k.kubectl("logs", DB.pod()).stdout();
        assertThat(log).contains("ready for connections").doesNotContain("Initializing database files")
                .as("the old server shut down cleanly").doesNotContainIgnoringCase("crash recovery");
    }

    @Test
    void twoDatabasePodsAtOnceEachHaveTheirOwnServer(KubeTestContext k) {
        KubeTestContext other = k.otherNamespace("mariadb-other");
        try {
            DB.deploy(k);
            DB.deploy(other);
            DB.awaitReady(k, START);
            DB.awaitReady(other, START);

            assertSucceeded(root(k, "CREATE TABLE shop.t (v VARCHAR(10)); INSERT INTO shop.t VALUES ('first')"));
            assertSucceeded(root(other, "CREATE TABLE shop.t (v VARCHAR(10)); INSERT INTO shop.t VALUES ('second')"));

            assertThat(root(k, "SELECT v FROM shop.t").stdout()).isEqualTo("first\n");
            assertThat(root(other, "SELECT v FROM shop.t").stdout()).isEqualTo("second\n");
            assertThat(root(k, "SELECT @@port").stdout()).isNotEqualTo(root(other, "SELECT @@port").stdout());
        } finally {
            other.close();
        }
    }

    @Test
    void withoutAPasswordOptionTheContainerFailsAsTheImageDoes(KubeTestContext k) throws Exception {
        assertThat(k.kubectl("run", "nopassword", "--image=mariadb:10.11", "--restart=Never").exitCode()).isZero();

        V1Pod failed = k.awaitPodCompletion("nopassword", START);

        assertThat(failed.getStatus().getPhase()).isEqualTo("Failed");
        assertThat(k.kubectl("logs", "nopassword").stdout())
                .contains("[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified");
    }

    /** The mariadb client as root, with the password from the container's environment (never in the command). */
    static CommandResult root(KubeTestContext k, String sql) {
        return DB.exec(k, "mysql -uroot -p\"$MARIADB_ROOT_PASSWORD\" --skip-column-names -e \"" + sql + "\"");
    }

    /** The application's user (no SUPER, no READ ONLY ADMIN) on its database. */
    static CommandResult app(KubeTestContext k, String sql) {
        return DB.exec(k, "MYSQL_PWD=\"$MARIADB_PASSWORD\" mariadb -u\"$MARIADB_USER\" --skip-column-names "
                + "\"$MARIADB_DATABASE\" -e \"" + sql + "\"");
    }
}
