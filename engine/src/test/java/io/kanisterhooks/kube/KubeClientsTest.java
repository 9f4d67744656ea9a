package io.kanisterhooks.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kubeconfig resolution as kubectl does it: explicit file, KUBECONFIG (merged, first wins), ~/.kube/config. */
class KubeClientsTest {

    @TempDir
    Path dir;

    private Path kubeconfig(String name, String current, String cluster, String server, String context,
                            String token) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, """
                apiVersion: v1
                kind: Config
                current-context: %s
                clusters:
                - name: %s
                  cluster: {server: '%s', insecure-skip-tls-verify: true}
                contexts:
                - name: %s
                  context: {cluster: %s, user: u-%s, namespace: ns-%s}
                users:
                - name: u-%s
                  user: {token: %s}
                """.formatted(current, cluster, server, context, cluster, context, context, context, token));
        return p;
    }

    private KubeConfigSource env(Path explicit, String context, Map<String, String> env) {
        return new KubeConfigSource(explicit, context, env, dir);
    }

    @Test
    void kubeconfigListIsMergedAndTheFirstCurrentContextWins() throws Exception {
        Path a = kubeconfig("a", "ctx-a", "c-a", "https://127.0.0.1:1111", "ctx-a", "secret-a");
        Path b = kubeconfig("b", "ctx-b", "c-b", "https://127.0.0.1:2222", "ctx-b", "secret-b");
        KubeClients clients = KubeClients.connect(env(null, null, Map.of("KUBECONFIG", a + ":" + b)));
        assertThat(clients.requests().getBasePath()).isEqualTo("https://127.0.0.1:1111");
        assertThat(clients.contextNamespace()).isEqualTo("ns-ctx-a");
        KubeClients other = KubeClients.connect(env(null, "ctx-b", Map.of("KUBECONFIG", a + ":" + b)));
        assertThat(other.requests().getBasePath()).isEqualTo("https://127.0.0.1:2222");
    }

    @Test
    void missingFilesInKubeconfigListAreSkippedLikeKubectl() throws Exception {
        Path b = kubeconfig("b", "ctx-b", "c-b", "https://127.0.0.1:2222", "ctx-b", "secret-b");
        KubeClients clients = KubeClients.connect(env(null, null,
                Map.of("KUBECONFIG", dir.resolve("missing") + ":" + b)));
        assertThat(clients.requests().getBasePath()).isEqualTo("https://127.0.0.1:2222");
    }

    @Test
    void explicitFileWinsOverKubeconfigVariable() throws Exception {
        Path a = kubeconfig("a", "ctx-a", "c-a", "https://127.0.0.1:1111", "ctx-a", "secret-a");
        Path b = kubeconfig("b", "ctx-b", "c-b", "https://127.0.0.1:2222", "ctx-b", "secret-b");
        KubeClients clients = KubeClients.connect(env(b, null, Map.of("KUBECONFIG", a.toString())));
        assertThat(clients.requests().getBasePath()).isEqualTo("https://127.0.0.1:2222");
    }

    @Test
    void homeConfigIsTheDefault() throws Exception {
        Files.createDirectories(dir.resolve(".kube"));
        Files.copy(kubeconfig("a", "ctx-a", "c-a", "https://127.0.0.1:1111", "ctx-a", "secret-a"),
                dir.resolve(".kube/config"));
        assertThat(KubeClients.connect(env(null, null, Map.of())).requests().getBasePath())
                .isEqualTo("https://127.0.0.1:1111");
    }

    @Test
    void errorsNameFilesAndContextsButNeverContents() throws Exception {
        Path a = kubeconfig("a", "ctx-a", "c-a", "https://127.0.0.1:1111", "ctx-a", "secret-a");
        assertThatThrownBy(() -> KubeClients.connect(env(a, "nope", Map.of())))
                .isInstanceOf(KubeConfigException.class)
                .hasMessage("context \"nope\" does not exist in the kubeconfig (contexts: ctx-a)");
        assertThatThrownBy(() -> KubeClients.connect(env(dir.resolve("absent"), null, Map.of())))
                .hasMessage("kubeconfig " + dir.resolve("absent") + " does not exist");
        Path broken = Files.writeString(dir.resolve("broken"), "token: secret-x\n  : [");
        assertThatThrownBy(() -> KubeClients.connect(env(broken, null, Map.of())))
                .hasMessageStartingWith("kubeconfig: ").hasMessageNotContaining("secret-x")
                .satisfies(e -> assertThat(((KubeConfigException) e).position().file()).isEqualTo(broken.toString()));
    }

    @Test
    void noConfigurationAtAll() {
        assertThatThrownBy(() -> KubeClients.connect(env(null, null, Map.of())))
                .hasMessage("no kubeconfig: pass --kubeconfig, set KUBECONFIG, create ~/.kube/config, or run inside a "
                        + "pod with a service account");
    }
}
