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
 * The {@code postgres} image on the local cluster: a real PostgreSQL server per pod running as the pod's runAsUser,
 * PGDATA on the pod's claim, reached by psql exec'd into the pod, shut down cleanly (fast shutdown) when the pod goes.
 */
@ExtendWith(LocalClusterExtension.class)
class PostgresImageTest {
    static final SampleApps DB = SampleApps.POSTGRES;
    static final Duration START = Duration.ofMinutes(3);

    @Test
    void aStatefulSetsServerHonoursDefaultReadOnlyAndKeepsItsRowsAcrossARestart(KubeTestContext k) throws Exception {
        DB.deploy(k);
        V1Pod first = DB.awaitReady(k, START);

        assertSucceeded(psql(k, "CREATE TABLE orders (id int PRIMARY KEY, item text)",
                "INSERT INTO orders VALUES (1, 'tea'), (2, 'cake')"));
        assertThat(psql(k, "SHOW data_directory").stdout().strip()).isEqualTo(DB.dataDirectory(k) + "/pgdata");
        assertThat(ProcessFacts.uid(k.containerPid(DB.pod(), "postgres").orElseThrow())).as("runAsUser")
                .isEqualTo(999);

        assertSucceeded(psql(k, "CHECKPOINT", "ALTER SYSTEM SET default_transaction_read_only = on",
                "SELECT pg_reload_conf()"));
        CommandResult refused = psql(k, "INSERT INTO orders VALUES (3, 'pie')");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("cannot execute INSERT in a read-only transaction");
        assertSucceeded(psql(k, "ALTER SYSTEM SET default_transaction_read_only = off", "SELECT pg_reload_conf()"));
        assertSucceeded(psql(k, "INSERT INTO orders VALUES (3, 'pie')"));

        V1Pod second = DB.restart(k, START);
        assertThat(second.getMetadata().getUid()).isNotEqualTo(first.getMetadata().getUid());

        assertThat(psql(k, "SELECT id, item FROM orders ORDER BY id").stdout()).isEqualTo("1|tea\n2|cake\n3|pie\n");
        assertThat(k.kubectl("logs", DB.pod()).stdout()).doesNotContain("init process complete")
                .as("the old server shut down cleanly").contains("database system was shut down at")
                .doesNotContain("interrupted");
    }

    @Test
    void withoutAPasswordTheContainerFailsAsTheImageDoes(KubeTestContext k) throws Exception {
        assertThat(k.kubectl("run", "nopassword", "--image=postgres:15", "--restart=Never").exitCode()).isZero();

        V1Pod failed = k.awaitPodCompletion("nopassword", START);

        assertThat(failed.getStatus().getPhase()).isEqualTo("Failed");
        assertThat(k.kubectl("logs", "nopassword").stdout())
                .contains("Database is uninitialized and superuser password is not specified.");
    }

    @Test
    void optionsGoToTheServerAsRootItContinuesAsPostgresAndOtherArgsRunInsteadOfIt(KubeTestContext k) {
        assertThat(k.kubectl("run", "tuned", "--image=postgres:15", "--env=POSTGRES_PASSWORD=local-secret",
                "--", "-c", "max_connections=42").exitCode()).isZero();
        assertThat(k.kubectl("run", "tool", "--image=postgres:15", "--restart=Never", "--", "echo", "a tool")
                .exitCode()).isZero();

        k.awaitPod("tuned", TestPods::isRunningAndReady, START);
        assertThat(k.kubectl("exec", "tuned", "--", "psql", "-U", "postgres", "-At", "-c", "SHOW max_connections")
                .stdout()).isEqualTo("42\n");
        assertThat(ProcessFacts.uid(k.containerPid("tuned", "tuned").orElseThrow())).as("as the image, not as root")
                .isEqualTo(ProcessFacts.userId("postgres"));
        assertThat(k.awaitPodCompletion("tool", START).getStatus().getPhase()).isEqualTo("Succeeded");
        assertThat(k.kubectl("logs", "tool").stdout()).isEqualTo("a tool\n");
    }

    /** psql as the superuser on the application's database, one {@code -c} per command, unaligned without headers. */
    static CommandResult psql(KubeTestContext k, String... commands) {
        StringBuilder script = new StringBuilder("psql -v ON_ERROR_STOP=1 -U postgres -d shop -A -t");
        for (String command : commands) {
            script.append(" -c \"").append(command).append('"');
        }
        return DB.exec(k, script.toString());
    }
}
