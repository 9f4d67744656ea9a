package io.kanisterhooks.functions;

import java.util.Map;

/**
 * Run-level settings for the pods that phases create (Kanister: the ActionSet's podLabels, podAnnotations and
 * podOverride), plus a final policy applied after Kanister's own merge (hooks use it for the security context and the
 * pod-spec-override ConfigMap, which K10 gives the highest priority).
 */
public record PodSettings(Map<String, String> labels, Map<String, String> annotations,
                          Map<String, Object> podOverride, PodPolicy policy) {

    public static final PodSettings NONE = new PodSettings(Map.of(), Map.of(), Map.of(), PodPolicy.NONE);

    public PodSettings {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }
}
