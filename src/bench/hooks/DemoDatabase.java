package io.kanisterhooks.bench.hooks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo's MariaDB ({@code src/demo/app.yaml}: namespace {@code shop}, StatefulSet {@code mariadb}) in a harness's
 * cluster: deployed with kubectl, shell commands for hooks that quiesce and release it as the {@code mariadb-hooks}
 * blueprint does, and the check that matters after a run: does the application's write go through?
 */
final class DemoDatabase {

    static final String NAMESPACE = "shop";

    private final BenchCluster cluster;

    private DemoDatabase(BenchCluster cluster) {
        this.cluster = cluster;
    }

    /** Deploys the demo app (idempotent), waits until its server is ready and creates the table {@code writes}. */
    static DemoDatabase deploy(BenchCluster cluster) throws IOException, InterruptedException {
        DemoDatabase db = new DemoDatabase(cluster);
        db.run(List.of("kubectl", "apply", "-f", cluster.root.resolve("src/demo/app.yaml").toString()));
        db.run(List.of("kubectl", "-n", NAMESPACE, "rollout", "status", "statefulset/mariadb", "--timeout=180s"));
        db.run(List.of(db.appSql(), "-e", "CREATE TABLE IF NOT EXISTS writes (run VARCHAR(60))"));
        return db;
    }

    /**
     * A shell command for a hook: SQL as root in the database's pod. Hook pods of the local cluster are processes of
     * this machine, so it uses the cluster's admin kubeconfig (a real blueprint uses KubeExec: mariadb-hooks.yaml).
     */
    String rootSql(String sql) {
        return "kubectl --kubeconfig " + cluster.kubeconfig + " -n " + NAMESPACE + " exec mariadb-0 -c mariadb -- "
                + "sh -c 'MYSQL_PWD=\"$MARIADB_ROOT_PASSWORD\" mariadb -uroot -e \"" + sql + "\"'";
    }

    String quiesce() {
        return rootSql("FLUSH TABLES; SET GLOBAL read_only = ON");
    }

    String release() {
        return rootSql("SET GLOBAL read_only = OFF");
    }

    /** Whether the application (its own user, no SUPER) can write now. */
    boolean acceptsWrite(String tag) throws IOException, InterruptedException {
        return exit(List.of(appSql(), "-e", "INSERT INTO writes VALUES ('" + tag + "')")) == 0;
    }

    /** Sets read_only off, after a run that left it on (so that the next run starts from a writable database). */
    void forceRelease() throws IOException, InterruptedException {
        run(List.of("sh", "-c", release()));
    }

    private String appSql() {
        return cluster.root.resolve("src/demo/app-sql.sh").toString();
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        if (exit(command) != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    private int exit(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("KUBECONFIG", cluster.kubeconfig.toString());
        Process p = pb.start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
