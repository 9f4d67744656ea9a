package io.kanisterhooks.functions;

import java.util.Map;

/**
 * The last word on a job pod, after Kanister's own construction (defaults ← phase podOverride ← run podOverride,
 * labels, annotations). Hooks use it for the security context and K10's pod-spec-override ConfigMap, which K10 gives
 * the highest priority.
 */
@FunctionalInterface
public interface PodPolicy {

    PodPolicy NONE = (pod, phaseOverride) -> pod;

    /**
     * @param pod           the Pod manifest (JSON-shaped; may be modified and returned)
     * @param phaseOverride the phase's own rendered {@code podOverride} (empty when it has none)
     */
    Map<String, Object> apply(Map<String, Object> pod, Map<String, Object> phaseOverride);
}
