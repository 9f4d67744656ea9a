package io.kanisterhooks.cluster.junit;

import io.kanisterhooks.cluster.LocalCluster;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test gets from {@link LocalClusterExtension}: the shared local cluster, an admin {@link ApiClient} and a fresh
 * namespace of its own (deleted after the test), with the helpers of {@link ClusterNamespace}.
 */
public final class KubeTestContext extends ClusterNamespace implements ExtensionContext.Store.CloseableResource {

    private KubeTestContext(LocalCluster cluster, String namespace) {
        super(cluster, namespace);
    }

    /** Creates a namespace named after {@code hint} and waits until pods can be created in it. */
    static KubeTestContext create(LocalCluster cluster, String hint) {
        String base = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        base = base.isEmpty() ? "test" : base.substring(0, Math.min(40, base.length())).replaceAll("-+$", "");
        String namespace =
                "kh-" + base + "-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36);
        KubeTestContext context = new KubeTestContext(cluster, namespace);
        context.createNamespace();
        return context;
    }

    /** A context of its own fresh namespace on the same cluster, for tests that need several; close it when done. */
    public KubeTestContext otherNamespace(String hint) {
        return create(cluster, hint);
    }

    /** Deletes the namespace (without waiting: the namespace controller removes what is in it). */
    @Override
    public void close() {
        try {
            coreV1().deleteNamespace(namespace).execute();
        } catch (ApiException e) {
            if (e.getCode() != 404) {
                throw new IllegalStateException("cannot delete namespace " + namespace + ": HTTP " + e.getCode(), e);
            }
        }
    }

    private void createNamespace() {
        try {
            coreV1().createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(namespace)
                    .labels(Map.of("kanister-hooks.io/test", "true")))).execute();
            awaitServiceAccountToken("default");
        } catch (ApiException e) {
            throw new IllegalStateException("cannot create namespace " + namespace + ": HTTP " + e.getCode(), e);
        }
    }
}
