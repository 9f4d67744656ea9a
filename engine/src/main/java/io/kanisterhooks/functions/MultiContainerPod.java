package io.kanisterhooks.functions;

import io.kanisterhooks.kube.patch.JsonValues;
import io.kubernetes.client.custom.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pod of MultiContainerRun: its default spec (containers {@code output} and {@code background}, optional init
 * container {@code init}, all sharing the emptyDir volume {@code shared}) and Kanister's pre-processing of the
 * run-level override, where a container named {@code container} stands for all of them (Kanister PR #3330).
 */
final class MultiContainerPod {

    static final String OUTPUT = "output";
    static final String BACKGROUND = "background";
    static final String INIT = "init";
    static final String SHARED_VOLUME = "shared";
    /** What Kanister's job pods call their main container; in a run-level override it means every container here. */
    private static final String GENERIC = JobPods.MAIN_CONTAINER;
    private static final String QUANTITY_FORMAT = "quantities must match the regular expression "
            + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    private MultiContainerPod() {
    }

    /** One of the pod's containers: a name, an image, a command, and the shared volume. */
    record Part(String name, String image, List<String> command) {
    }

    /**
     * @param init      null when there is no init container
     * @param medium    the emptyDir medium ("" for the node's default)
     * @param sizeLimit the emptyDir size limit (a quantity), or null
     */
    static Map<String, Object> defaultSpec(Part output, Part background, Part init, String medium, String sizeLimit,
                                           String sharedDir) {
        Map<String, Object> emptyDir = new LinkedHashMap<>();
        if (!medium.isEmpty()) {
            emptyDir.put("medium", medium);
        }
        if (sizeLimit != null) {
            emptyDir.put("sizeLimit", sizeLimit);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("restartPolicy", "Never");
        spec.put("volumes", new ArrayList<>(List.of(Map.of("name", SHARED_VOLUME, "emptyDir", emptyDir))));
        if (init != null) {
            spec.put("initContainers", new ArrayList<>(List.of(container(init, sharedDir))));
        }
        spec.put("containers", new ArrayList<>(List.of(container(output, sharedDir), container(background, sharedDir))));
        return spec;
    }

    private static Map<String, Object> container(Part part, String sharedDir) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", part.name());
        c.put("image", part.image());
        if (part.command() != null && !part.command().isEmpty()) {
            c.put("command", new ArrayList<>(part.command()));
        }
        c.put("volumeMounts", new ArrayList<>(List.of(Map.of("name", SHARED_VOLUME, "mountPath", sharedDir))));
        return c;
    }

    /**
     * A checked {@code sharedVolumeSizeLimit} quantity. It is sent as written: the API server stores its canonical
     * form either way.
     *
     * @throws PhaseException Kanister's error for a malformed quantity
     */
    static String quantity(String text) throws PhaseException {
        try {
            if (text.equals(text.strip())) {
                Quantity.fromString(text);
                return text;
            }
        } catch (RuntimeException e) {
            // reported below, as Kubernetes words it
        }
        throw new PhaseException("Failed to parse sharedStorageSize arg: " + QUANTITY_FORMAT);
    }

    /**
     * Kanister's {@code prepareActionSetPodSpecOverride}: when the run-level override has a container named
     * {@code container}, that entry is replaced by copies named {@code background} and {@code output} (each unless
     * the override names it itself; other containers are kept, first) and a copy named {@code init} is added to the
     * init containers unless one of them is named so. Anything else is returned unchanged.
     *
     * <p>One difference: Kanister adds the {@code init} copy even when the phase has no init container, which gives
     * an init container without image that the API server refuses; here it is only added when {@code hasInit}.
     */
    static Map<String, Object> expandGenericContainer(Map<String, Object> override, boolean hasInit) {
        List<Map<String, Object>> containers = containers(override, "containers");
        if (containers == null) {
            return override;
        }
        Map<String, Object> generic = null;
        Map<String, Object> background = null;
        Map<String, Object> output = null;
        List<Object> result = new ArrayList<>();
        for (Map<String, Object> c : containers) {
            String name = String.valueOf(c.getOrDefault("name", ""));
            switch (name) {
                case GENERIC -> generic = c;
                case BACKGROUND -> background = c;
                case OUTPUT -> output = c;
                default -> result.add(c);
            }
        }
        if (generic == null) {
            return override;
        }
        result.add(background != null ? background : renamed(generic, BACKGROUND));
        result.add(output != null ? output : renamed(generic, OUTPUT));
        Map<String, Object> expanded = JsonValues.copyMap(override);
        expanded.put("containers", result);
        List<Map<String, Object>> given = containers(override, "initContainers");
        List<Object> inits = given == null ? new ArrayList<>() : new ArrayList<>(given);
        boolean named = given != null && given.stream().anyMatch(c -> INIT.equals(c.get("name")));
        if (hasInit && !named) {
            inits.add(renamed(generic, INIT));
        }
        if (inits.isEmpty()) {
            expanded.remove("initContainers");
        } else {
            expanded.put("initContainers", inits);
        }
        return expanded;
    }

    /** The list under {@code key} when it is a list of container objects (Kanister decodes it as such), else null. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> containers(Map<String, Object> override, String key) {
        if (override == null || !(override.get(key) instanceof List<?> list)) {
            return null;
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || m.containsKey("name") && !(m.get("name") instanceof String)) {
                return null;
            }
            result.add((Map<String, Object>) JsonValues.copy(m));
        }
        return result;
    }

    private static Map<String, Object> renamed(Map<String, Object> container, String name) {
        Map<String, Object> copy = JsonValues.copyMap(container);
        copy.put("name", name);
        return copy;
    }

    /**
     * Kanister sets {@code createdBy: kanister} on this pod after the user's labels, so here it cannot be overridden
     * (job pods of other functions let the user's label win).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> createdByKanister(Map<String, Object> pod) {
        Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) pod.get("metadata"));
        Map<String, Object> labels = new LinkedHashMap<>((Map<String, Object>) metadata.getOrDefault("labels",
                Map.of()));
        labels.put("createdBy", "kanister");
        metadata.put("labels", labels);
        Map<String, Object> result = new LinkedHashMap<>(pod);
        result.put("metadata", metadata);
        return result;
    }
}
