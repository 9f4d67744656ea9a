package io.kanisterhooks.functions;

import io.kanisterhooks.kube.patch.PatchException;
import io.kanisterhooks.kube.patch.PodOverrides;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kanister's job pod construction (pkg/kube's pod options and podOverride merge): the function's default PodSpec, the blueprint's
 * {@code podOverride} combined with the run-level override and merged by strategic merge patch, the main container
 * first, labels {@code createdBy: kanister} ← run labels ∪ blueprint labels (the blueprint wins), annotations
 * likewise, then the run's {@link PodPolicy}. Our own identifying labels ({@code kanister-hooks.io/...}) are put back
 * last, so cleanup can always find the pod.
 */
final class JobPods {

    static final String MAIN_CONTAINER = "container";
    private static final String OUR_LABEL_PREFIX = "kanister-hooks.io/";

    private JobPods() {
    }

    /** The default spec of a single-container job pod (KubeTask, PrepareData). */
    static Map<String, Object> singleContainerSpec(String image, List<String> command, List<Object> volumeMounts,
                                                  List<Object> volumes) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", MAIN_CONTAINER);
        container.put("image", image);
        container.put("command", new ArrayList<>(command));
        container.put("imagePullPolicy", "IfNotPresent");
        if (!volumeMounts.isEmpty()) {
            container.put("volumeMounts", volumeMounts);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("containers", new ArrayList<>(List.of(container)));
        spec.put("restartPolicy", "Never");
        if (!volumes.isEmpty()) {
            spec.put("volumes", volumes);
        }
        return spec;
    }

    /**
     * A complete Pod manifest.
     *
     * @param podOverride the rendered {@code podOverride} argument (null when the phase has none)
     * @param mainName    the container to list first
     */
    static Map<String, Object> pod(PhaseContext ctx, String namespace, String generateName,
                                   Map<String, Object> defaultSpec, Map<String, Object> podOverride, String mainName,
                                   Map<String, String> labels, Map<String, String> annotations)
            throws PhaseException {
        Map<String, Object> spec;
        try {
            Map<String, Object> override = PodOverrides.combine(podOverride, podOverride != null,
                    ctx.pods().podOverride().isEmpty() ? null : ctx.pods().podOverride());
            spec = override == null ? defaultSpec : PodOverrides.patchPodSpec(defaultSpec, override);
        } catch (PatchException e) {
            throw new PhaseException("Failed to merge podOverride: " + e.getMessage());
        }
        spec = mainFirst(spec, mainName);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("generateName", generateName);
        metadata.put("namespace", namespace);
        metadata.put("labels", labels(ctx.pods().labels(), labels));
        Map<String, String> allAnnotations = new LinkedHashMap<>(ctx.pods().annotations());
        allAnnotations.putAll(annotations);
        if (!allAnnotations.isEmpty()) {
            metadata.put("annotations", allAnnotations);
        }
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        pod.put("metadata", metadata);
        pod.put("spec", spec);
        return ctx.pods().policy().apply(pod, podOverride == null ? Map.of() : podOverride);
    }

    private static Map<String, String> labels(Map<String, String> runLabels, Map<String, String> blueprintLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("createdBy", "kanister");
        labels.putAll(runLabels);
        labels.putAll(blueprintLabels);
        runLabels.forEach((k, v) -> {
            if (k.startsWith(OUR_LABEL_PREFIX)) {
                labels.put(k, v);
            }
        });
        return labels;
    }

    /** Kanister sorts the containers so that the main one comes first (the others keep their order). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> mainFirst(Map<String, Object> spec, String mainName) {
        if (!(spec.get("containers") instanceof List<?> containers)) {
            return spec;
        }
        List<Object> sorted = new ArrayList<>();
        containers.stream().filter(c -> isNamed(c, mainName)).forEach(sorted::add);
        containers.stream().filter(c -> !isNamed(c, mainName)).forEach(sorted::add);
        Map<String, Object> copy = new LinkedHashMap<>(spec);
        copy.put("containers", sorted);
        return copy;
    }

    private static boolean isNamed(Object container, String name) {
        return container instanceof Map<?, ?> m && name.equals(m.get("name"));
    }
}
