package io.kanisterhooks.kube;

import io.kanisterhooks.yaml.SourcePosition;
import io.kanisterhooks.yaml.YamlNode;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.ConnectionPool;

/**
 * Builds API clients from a {@link KubeConfigSource}: one for ordinary requests (bounded read timeout, so a stuck
 * request fails instead of hanging a hook) and one for long-lived streams (watches, followed logs: no read timeout).
 * The two share their connections: over HTTP/2 one connection to the API server carries both.
 */
public final class KubeClients implements AutoCloseable {

    private static final Path IN_CLUSTER_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");
    /** Longer than the API server's own 60 s request timeout, so its answer, not ours, says what went wrong. */
    static final Duration REQUEST_READ_TIMEOUT = Duration.ofSeconds(70);
    /** How long a token from a kubeconfig's exec or auth-provider plugin is used before the plugin is asked again. */
    private static final Duration TOKEN_REFRESH = Duration.ofSeconds(60);
    /** How long {@link #close} waits for connections still in use to become idle. */
    private static final Duration CLOSE_WAIT = Duration.ofMillis(200);

    private final ApiClient requests;
    private final ApiClient streams;
    private final String contextNamespace;
    private final String server;
    private final String context;

    private KubeClients(ApiClient requests, ApiClient streams, String contextNamespace, String server,
                        String context) {
        this.requests = requests;
        this.streams = streams;
        this.contextNamespace = contextNamespace;
        this.server = server;
        this.context = context;
    }

    public static KubeClients connect(KubeConfigSource source) throws KubeConfigException {
        List<Path> files = source.files();
        try {
            if (files.isEmpty()) {
                return inCluster(source);
            }
            KubeConfigMerger.Merged merged = KubeConfigMerger.merge(files, source.explicitFile() != null);
            String context = source.context() != null ? source.context() : merged.currentContext();
            if (context == null) {
                throw new KubeConfigException("no context: the kubeconfig has no current-context and --context "
                        + "was not given");
            }
            String server = check(merged, context, source.context() != null);
            KubeConfig config = kubeConfig(merged, context);
            byte[] ca = config.getDataOrFileRelative(config.getCertificateAuthorityData(),
                    config.getCertificateAuthorityFile());
            ApiClient requests = ApiClients.build(ClientBuilder.kubeconfig(config, TOKEN_REFRESH), ca,
                    config.verifySSL(), REQUEST_READ_TIMEOUT);
            ApiClient streams = ApiClients.sharingConnections(requests, Duration.ZERO);
            return new KubeClients(requests, streams, config.getNamespace(), server, context);
        } catch (IOException | RuntimeException | GeneralSecurityException e) {
            throw new KubeConfigException("cannot use the kubeconfig (" + files + "): " + describe(e));
        }
    }

    /**
     * The context exists, names a cluster and a user that exist, and the cluster's server is an http(s) URL;
     * each problem at its place in the kubeconfig. Returns the server.
     */
    private static String check(KubeConfigMerger.Merged merged, String context, boolean fromOption)
            throws KubeConfigException {
        KubeConfigMerger.Named ctx = merged.contexts().get(context);
        if (ctx == null) {
            String problem = "context \"" + context + "\" does not exist in the kubeconfig (contexts: "
                    + String.join(", ", merged.contexts().keySet()) + ")";
            throw fromOption || merged.currentContextAt() == null ? new KubeConfigException(
                    SourcePosition.ofFile("--context"), problem)
                    : new KubeConfigException(merged.currentContextAt(), "current-context: " + problem);
        }
        String cluster = field(ctx, "cluster");
        String user = field(ctx, "user");
        if (cluster == null || !merged.clusters().containsKey(cluster)) {
            throw new KubeConfigException(ctx.position(), "context " + context + (cluster == null
                    ? " names no cluster" : ": cluster \"" + cluster + "\" does not exist in the kubeconfig"));
        }
        if (user != null && !user.isEmpty() && !merged.users().containsKey(user)) {
            throw new KubeConfigException(ctx.position(), "context " + context + ": user \"" + user
                    + "\" does not exist in the kubeconfig");
        }
        KubeConfigMerger.Named c = merged.clusters().get(cluster);
        String server = field(c, "server");
        SourcePosition at = c.body() == null ? c.position()
                : c.body().get("server").map(YamlNode::position).orElse(c.position());
        if (server == null || server.isEmpty()) {
            throw new KubeConfigException(at, "cluster " + cluster + " has no server");
        }
        try {
            URI uri = new URI(server);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(server, "expected https://HOST[:PORT]");
            }
        } catch (URISyntaxException e) {
            throw new KubeConfigException(at, "cluster " + cluster + ": server \"" + server + "\" is not a URL "
                    + "(expected https://HOST[:PORT])");
        }
        base64Fields(c, "cluster " + cluster, "certificate-authority-data");
        if (user != null && merged.users().containsKey(user)) {
            base64Fields(merged.users().get(user), "user " + user, "client-certificate-data", "client-key-data");
        }
        return server;
    }

    /** Certificate and key data must be base64, else the client fails later with a message of its own. */
    private static void base64Fields(KubeConfigMerger.Named named, String what, String... keys)
            throws KubeConfigException {
        for (String key : keys) {
            String value = field(named, key);
            if (value == null) {
                continue;
            }
            try {
                Base64.getDecoder().decode(value.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                SourcePosition at = named.body() == null ? named.position()
                        : named.body().get(key).map(YamlNode::position).orElse(named.position());
                throw new KubeConfigException(at, what + ": " + key + " is not base64");
            }
        }
    }

    private static String field(KubeConfigMerger.Named named, String key) {
        Object body = named.entry().values().stream().filter(Map.class::isInstance).findFirst().orElse(null);
        return body instanceof Map<?, ?> m && m.get(key) instanceof String v ? v : null;
    }

    private static String describe(Exception e) {
        // the client's messages may start with a wrapped exception's class name, which says nothing to a user
        String m = e.getMessage() == null ? "" : firstLine(e.getMessage())
                .replaceAll("^([a-z][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error): ", "");
        return e instanceof IOException ? "cannot read a file it names: " + m : m.isEmpty() ? "invalid settings" : m;
    }

    private static KubeConfig kubeConfig(KubeConfigMerger.Merged merged, String context) throws KubeConfigException {
        KubeConfig config = new KubeConfig(new ArrayList<>(merged.list(merged.contexts())),
                new ArrayList<>(merged.list(merged.clusters())), new ArrayList<>(merged.list(merged.users())));
        if (!config.setContext(context)) {
            throw new KubeConfigException(SourcePosition.ofFile("--context"), "context \"" + context
                    + "\" does not exist in the kubeconfig (contexts: " + String.join(", ", merged.contexts().keySet())
                    + ")");
        }
        return config;
    }

    private static KubeClients inCluster(KubeConfigSource source)
            throws IOException, KubeConfigException, GeneralSecurityException {
        if (!Files.exists(IN_CLUSTER_TOKEN) || source.environment().get("KUBERNETES_SERVICE_HOST") == null) {
            throw new KubeConfigException("no kubeconfig: pass --kubeconfig, set KUBECONFIG, create ~/.kube/config, "
                    + "or run inside a pod with a service account");
        }
        byte[] ca = Files.readAllBytes(IN_CLUSTER_TOKEN.resolveSibling("ca.crt"));
        ApiClient requests = ApiClients.build(ClientBuilder.cluster(), ca, true, REQUEST_READ_TIMEOUT);
        ApiClient streams = ApiClients.sharingConnections(requests, Duration.ZERO);
        Path ns = IN_CLUSTER_TOKEN.resolveSibling("namespace");
        return new KubeClients(requests, streams, Files.exists(ns) ? Files.readString(ns).trim() : null,
                requests.getBasePath(), "in-cluster service account");
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    /**
     * Closes the connections and stops the clients' threads. Why it matters: a JVM that exits waits up to 0.3 s for
     * threads blocked in native code, and an HTTP/2 connection's reader thread sits in a socket read until the
     * socket closes (README, CLI start-up).
     */
    @Override
    public void close() {
        // one pool and one dispatcher: the streams client shares the requests client's
        requests.getHttpClient().dispatcher().executorService().shutdown();
        ConnectionPool pool = requests.getHttpClient().connectionPool();
        pool.evictAll();
        // Only idle connections close: one whose last stream is still being cancelled (a followed log of an abort)
        // becomes idle a moment later.
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        while (pool.connectionCount() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pool.evictAll();
        }
    }

    public ApiClient requests() {
        return requests;
    }

    public ApiClient streams() {
        return streams;
    }

    /** The API server's URL, for messages. */
    public String server() {
        return server;
    }

    /** The kubeconfig context (or "in-cluster service account"), for messages. */
    public String context() {
        return context;
    }

    /** The namespace of the selected context, or null. */
    public String contextNamespace() {
        return contextNamespace;
    }
}
