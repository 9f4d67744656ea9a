package io.kanisterhooks.cluster.junit;

import io.kubernetes.client.openapi.models.V1Pod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The sample databases the tests and the demo deploy: manifests in this module's resources
 * ({@code cluster/src/main/resources/io/kanisterhooks/cluster/apps/<name>.yaml}), a StatefulSet of one replica named
 * like the file, whose pod {@code <name>-0} has one container of the same name.
 */
public enum SampleApps {
    MARIADB("mariadb"),
    POSTGRES("postgres");

    private static final String RESOURCES = "/io/kanisterhooks/cluster/apps/";

    private final String name;

    SampleApps(String name) {
        this.name = name;
    }

    /** The StatefulSet's and the container's name. */
    public String appName() {
        return name;
    }

    public String pod() {
        return name + "-0";
    }

    /** The manifest's text. */
    public String manifest() {
        try (InputStream in = SampleApps.class.getResourceAsStream(RESOURCES + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("manifest of " + name + " missing from the resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies the manifest in the context's namespace (with kubectl, as a user would). */
    public void deploy(ClusterNamespace k) {
        try {
            Path file = Files.createTempFile("kanister-hooks-" + name, ".yaml");
            try {
                Files.writeString(file, manifest());
                CommandResult r = k.kubectl("apply", "-f", file.toString());
                if (!r.succeeded()) {
                    throw new IllegalStateException("kubectl apply of " + name + " failed: " + r.stderr());
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the StatefulSet's pod is Running and Ready (its server accepts connections). */
    public V1Pod awaitReady(ClusterNamespace k, Duration timeout) {
        try {
            return k.awaitPod(pod(), p -> p.getMetadata().getDeletionTimestamp() == null && p.getStatus() != null
                    && "Running".equals(p.getStatus().getPhase()) && p.getStatus().getContainerStatuses() != null
                    && p.getStatus().getContainerStatuses().stream().allMatch(s -> Boolean.TRUE.equals(s.getReady())),
                    timeout);
        } catch (IllegalStateException e) {
            // the server's own words say why it never got ready: the current and the previous container's log
            CommandResult now = k.kubectl("logs", pod(), "-c", name);
            CommandResult before = k.kubectl("logs", pod(), "-c", name, "--previous");
            throw new IllegalStateException(e.getMessage() + "\n--- log of " + pod() + ":\n" + now.stdout()
                    + now.stderr() + "\n--- log of its previous container:\n" + before.stdout() + before.stderr(), e);
        }
    }

    /** Deletes the pod (with kubectl, gracefully) and waits until the StatefulSet's new pod is Ready. */
    public V1Pod restart(ClusterNamespace k, Duration timeout) {
        String old = k.awaitPod(pod(), p -> true, timeout).getMetadata().getUid();
        CommandResult r = k.kubectl("delete", "pod", pod());
        if (!r.succeeded()) {
            throw new IllegalStateException("kubectl delete pod " + pod() + " failed: " + r.stderr());
        }
        k.awaitPod(pod(), p -> !p.getMetadata().getUid().equals(old), timeout);
        return awaitReady(k, timeout);
    }

    /** The directory on this machine behind the pod's claim ({@code data-<pod>}: the claim template is "data"). */
    public Path dataDirectory(ClusterNamespace k) {
        return k.volumeDirectory("data-" + pod());
    }

    /** Runs {@code script} with {@code sh -c} in the pod's container (kubectl exec). */
    public CommandResult exec(ClusterNamespace k, String script) {
        return k.kubectl(List.of("exec", pod(), "-c", name, "--", "sh", "-c", script).toArray(String[]::new));
    }
}
