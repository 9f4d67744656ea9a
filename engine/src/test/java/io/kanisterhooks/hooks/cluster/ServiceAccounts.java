package io.kanisterhooks.hooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.CommandResult;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CLI as a Jenkins agent runs it: with the token of the ServiceAccount of the shipped RBAC example
 * ({@code jenkinsfile-examples/rbac/kanister-hooks-rbac.yaml}), applied to the test's namespace; its cluster-wide
 * objects get the test namespace's name, so that tests never share them, and are deleted on close.
 */
final class ServiceAccounts implements AutoCloseable {

    static final Path RBAC_EXAMPLE = Path.of("..", "jenkinsfile-examples", "rbac", "kanister-hooks-rbac.yaml");

    private final KubeTestContext k;
    private final String clusterName;
    final Path kubeconfig;

    private ServiceAccounts(KubeTestContext k, Path kubeconfig, String clusterName) {
        this.k = k;
        this.kubeconfig = kubeconfig;
        this.clusterName = clusterName;
    }

    /**
     * Applies the RBAC example to the test namespace as the home namespace, with the rules of {@code dropResource}
     * removed (null: as shipped), and writes a kubeconfig for its ServiceAccount into {@code dir}.
     */
    static ServiceAccounts fromExample(KubeTestContext k, Path dir, String dropResource) {
        try {
            String home = k.namespace();
            String yaml = Files.readString(RBAC_EXAMPLE).replace("namespace: kasten-io", "namespace: " + home)
                    .replace("name: kanister-hooks-claims", "name: kanister-hooks-claims-" + home);
            if (dropResource != null) {
                yaml = yaml.replaceAll("- apiGroups: \\[[^]]*]\\n  resources: \\[" + dropResource + "]\\n  verbs: "
                        + "\\[[^]]*]\\n", "");
            }
            Path applied = Files.writeString(dir.resolve("rbac.yaml"), yaml);
            CommandResult apply = k.kubectl("apply", "-f", applied.toString());
            assertThat(apply.exitCode()).as(apply.toString()).isZero();
            String token = k.serviceAccountToken("kanister-hooks");
            String admin = Files.readString(k.kubeconfig());
            Path kubeconfig = Files.writeString(dir.resolve("kanister-hooks.kubeconfig"),
                    admin.replaceAll("token: \\S+", "token: " + token));
            return new ServiceAccounts(k, kubeconfig, "kanister-hooks-claims-" + home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        k.kubectl("delete", "clusterrolebinding,clusterrole", clusterName, "--ignore-not-found");
    }
}
