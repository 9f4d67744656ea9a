package io.kanisterhooks.cluster.junit;

import io.kanisterhooks.cluster.KubeBinaries;
import io.kanisterhooks.cluster.LocalCluster;
import java.nio.file.Path;

/**
 * The one local cluster of this JVM: the one named by {@code $KANISTER_HOOKS_CLUSTER_DIR} (started by
 * {@code bin/local-cluster start}, shared by several test runs), else one started on first use and stopped when the JVM
 * exits. A cluster that cannot start fails every test that asks for it, with the reason.
 */
public final class SharedCluster {
    public static final String DIR_ENV = "KANISTER_HOOKS_CLUSTER_DIR";

    private static LocalCluster cluster;
    private static IllegalStateException failure;

    private SharedCluster() {}

    public static synchronized LocalCluster get() {
        if (failure != null) {
            throw failure;
        }
        if (cluster == null) {
            try {
                String dir = System.getenv(DIR_ENV);
                if (dir != null && !dir.isBlank()) {
                    cluster = LocalCluster.attach(Path.of(dir));
                } else {
                    LocalCluster launched = LocalCluster.launch(KubeBinaries.locate());
                    Runtime.getRuntime().addShutdownHook(new Thread(launched::close, "local-cluster-stop"));
                    cluster = launched;
                }
            } catch (RuntimeException e) {
                failure = new IllegalStateException("local Kubernetes cluster unavailable: " + e.getMessage(), e);
                throw failure;
            }
        }
        return cluster;
    }
}
