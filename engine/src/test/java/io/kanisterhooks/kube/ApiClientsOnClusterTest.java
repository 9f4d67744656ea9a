package io.kanisterhooks.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cli.Main;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API clients on the local cluster: the kubeconfig's certificate authority is what is trusted (the JVM's trust
 * store is not even read then), requests have a read timeout and streams none, the two share one connection, and
 * closing them closes it and their threads.
 */
@ExtendWith(LocalClusterExtension.class)
class ApiClientsOnClusterTest {

    @TempDir
    Path dir;

    @Test
    void withACaInTheKubeconfigTheJvmsTrustStoreIsNotReadWithoutOneItIs(KubeTestContext k) throws Exception {
        Path brokenTrustStore = Files.writeString(dir.resolve("cacerts"), "not a key store\n");
        Result withCa = cli(brokenTrustStore, k.kubeconfig(), k.namespace());
        assertThat(withCa.exit).as(withCa.output).isZero();
        assertThat(withCa.output).contains("no runs");

        String kubeconfig = Files.readString(k.kubeconfig());
        assertThat(kubeconfig).contains("certificate-authority-data:");
        Path withoutCa = Files.writeString(dir.resolve("kubeconfig-without-ca"),
                kubeconfig.replaceAll("(?m)^\\s*certificate-authority-data:.*\\n", ""));
        Result jvmTrust = cli(brokenTrustStore, withoutCa, k.namespace());
        assertThat(jvmTrust.exit).as(jvmTrust.output).isNotZero();
        assertThat(jvmTrust.output).doesNotContain("no runs");
    }

    @Test
    void requestsTimeOutStreamsDoNotBothShareOneConnectionAndClosingEndsItAndTheThreads(KubeTestContext k)
            throws Exception {
        KubeClients clients = KubeClients.connect(new KubeConfigSource(k.kubeconfig(), null, Map.of(),
                Path.of("/nonexistent")));
        OkHttpClient requests = clients.requests().getHttpClient();
        assertThat(requests.readTimeoutMillis()).isEqualTo(KubeClients.REQUEST_READ_TIMEOUT.toMillis());
        assertThat(clients.streams().getHttpClient().readTimeoutMillis()).isZero();

        try (Kube kube = new Kube(clients)) {
            assertThat(kube.core().readNamespace(k.namespace()).execute().getMetadata().getName())
                    .isEqualTo(k.namespace());
            assertThat(requests.connectionPool().connectionCount()).isEqualTo(1);
            // a watch is a stream: over the same connection, with the same credentials (anonymous may not watch)
            assertThat(kube.podWatch(k.namespace())).isNotNull();
            assertThat(clients.streams().getHttpClient().connectionPool()).isSameAs(requests.connectionPool());
            assertThat(requests.connectionPool().connectionCount()).isEqualTo(1);
        }
        assertThat(requests.connectionPool().connectionCount()).isZero();
        assertThat(requests.dispatcher().executorService().isShutdown()).isTrue();
        assertThat(clients.streams().getHttpClient().dispatcher().executorService().isShutdown()).isTrue();
    }

    /** {@code runs list} in a JVM of its own whose default trust store is {@code trustStore}. */
    private Result cli(Path trustStore, Path kubeconfig, String namespace) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djavax.net.ssl.trustStore=" + trustStore, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "runs", "list", "--kubeconfig", kubeconfig.toString(), "--home-namespace",
                namespace));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }

    private record Result(int exit, String output) {
    }
}
