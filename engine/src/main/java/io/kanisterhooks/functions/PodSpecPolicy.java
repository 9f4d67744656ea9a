package io.kanisterhooks.functions;

import java.util.Map;

/** The last word on a job pod's spec, after defaults ← phase podOverride ← run podOverride have been merged. */
@FunctionalInterface
public interface PodSpecPolicy {

    PodSpecPolicy NONE = (spec, phaseOverride) -> spec;

    /**
     * @param podSpec        the merged PodSpec (JSON-shaped, may be modified and returned)
     * @param phaseOverride  the phase's own rendered {@code podOverride} (empty map when it has none)
     */
    Map<String, Object> apply(Map<String, Object> podSpec, Map<String, Object> phaseOverride);
}
