package io.kanisterhooks.kube;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds API clients from a {@link KubeConfigSource}: one for ordinary requests (bounded read timeout, so a stuck
 * request fails instead of hanging a hook) and one for long-lived streams (watches, followed logs: no read timeout).
 */
public final class KubeClients {

    private static final Path IN_CLUSTER_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

    private final ApiClient requests;
    private final ApiClient streams;
    private final String contextNamespace;

    private KubeClients(ApiClient requests, ApiClient streams, String contextNamespace) {
        this.requests = requests;
        this.streams = streams;
        this.contextNamespace = contextNamespace;
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
            KubeConfig config = kubeConfig(merged, context);
            ApiClient requests = ClientBuilder.kubeconfig(config, Duration.ofSeconds(60)).build();
            ApiClient streams = ClientBuilder.kubeconfig(kubeConfig(merged, context), Duration.ZERO).build();
            return new KubeClients(requests, streams, config.getNamespace());
        } catch (IOException | RuntimeException e) {
            throw new KubeConfigException("cannot use the kubeconfig (" + files + "): " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())));
        }
    }

    private static KubeConfig kubeConfig(KubeConfigMerger.Merged merged, String context) throws KubeConfigException {
        KubeConfig config = new KubeConfig(new ArrayList<>(merged.contexts()), new ArrayList<>(merged.clusters()),
                new ArrayList<>(merged.users()));
        if (!config.setContext(context)) {
            List<String> names = merged.contexts().stream()
                    .map(c -> String.valueOf(((Map<?, ?>) c).get("name"))).toList();
            throw new KubeConfigException("context \"" + context + "\" does not exist in the kubeconfig (contexts: "
                    + String.join(", ", names) + ")");
        }
        return config;
    }

    private static KubeClients inCluster(KubeConfigSource source) throws IOException, KubeConfigException {
        if (!Files.exists(IN_CLUSTER_TOKEN) || source.environment().get("KUBERNETES_SERVICE_HOST") == null) {
            throw new KubeConfigException("no kubeconfig: pass --kubeconfig, set KUBECONFIG, create ~/.kube/config, "
                    + "or run inside a pod with a service account");
        }
        ApiClient requests = ClientBuilder.cluster().setReadTimeout(Duration.ofSeconds(60)).build();
        ApiClient streams = ClientBuilder.cluster().setReadTimeout(Duration.ZERO).build();
        Path ns = IN_CLUSTER_TOKEN.resolveSibling("namespace");
        return new KubeClients(requests, streams, Files.exists(ns) ? Files.readString(ns).trim() : null);
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    public ApiClient requests() {
        return requests;
    }

    public ApiClient streams() {
        return streams;
    }

    /** The namespace of the selected context, or null. */
    public String contextNamespace() {
        return contextNamespace;
    }
}
