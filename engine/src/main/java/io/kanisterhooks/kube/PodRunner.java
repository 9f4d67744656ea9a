package io.kanisterhooks.kube;

import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.cancel.CancelledException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Creates job pods. The name is chosen here (prefix + five random characters, like the API server's generateName)
 * so that a create retried after a lost response finds its own pod instead of making a second one. The namespace's
 * pod watch is started while the pod is being created, not before: the first pod of a namespace does not wait twice.
 */
public final class PodRunner {

    private final Kube kube;

    public PodRunner(Kube kube) {
        this.kube = kube;
    }

    /**
     * @param pod a Pod manifest (JSON-shaped) whose {@code metadata.generateName} is the name prefix
     */
    @SuppressWarnings("unchecked")
    public PodRun start(Map<String, Object> pod, Cancellation cancellation) throws KubeException, CancelledException {
        Map<String, Object> manifest = new LinkedHashMap<>(pod);
        Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) manifest.get("metadata"));
        String namespace = (String) metadata.get("namespace");
        String prefix = (String) metadata.remove("generateName");
        String name = metadata.get("name") instanceof String n ? n : prefix + RandomNames.suffix(5);
        metadata.put("name", name);
        Map<String, Object> labels = new LinkedHashMap<>((Map<String, Object>) metadata.getOrDefault("labels", Map.of()));
        labels.put(Kube.MANAGED_BY, Kube.MANAGED_BY_VALUE);
        metadata.put("labels", labels);
        manifest.put("metadata", metadata);
        CompletableFuture<PodWatch> watching = kube.startWatch(namespace);
        String body = JsonObjects.json(manifest);
        for (int attempt = 1; ; attempt++) {
            cancellation.check();
            try {
                kube.send("POST", Kube.path("", "v1", "pods", namespace, null), body, "application/json",
                        "create pod " + namespace + "/" + name);
                break;
            } catch (KubeException e) {
                if (e.conflict() && attempt > 1) {
                    break; // our earlier attempt created it
                }
                if (e.status() != 0 && e.status() < 500 || attempt >= 8) {
                    throw new KubeException("Failed to create pod " + namespace + "/" + name + ": " + e.getMessage(),
                            e.status());
                }
                cancellation.sleep(Math.min(5000, 200L << attempt));
            }
        }
        PodWatch watch;
        try {
            watch = kube.awaitWatch(namespace, watching);
        } catch (KubeException e) {
            try {
                kube.deletePod(namespace, name); // nothing could follow it
            } catch (KubeException ignored) {
                // its labels let the run's abort sweep find it
            }
            throw e;
        }
        return new PodRun(kube, watch, namespace, name, cancellation);
    }

}
