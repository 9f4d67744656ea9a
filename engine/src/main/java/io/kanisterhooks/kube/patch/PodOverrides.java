package io.kanisterhooks.kube.patch;

import java.util.Map;

/**
 * How Kanister combines pod overrides for its job pods ({@code GetAndMergePodSpecOverride},
 * {@code PatchDefaultPodSpecs}), and the same merge for a whole {@code kind: Pod} fragment.
 */
public final class PodOverrides {

    private PodOverrides() {
    }

    /**
     * The override a function applies: the blueprint's {@code podOverride} argument with the run-level override
     * strategically merged on top (the run level wins). When the blueprint has no such argument the run-level override
     * takes its place — and is then merged onto itself, exactly as Kanister does, which drops its {@code $patch}
     * directives. Null means "no override".
     *
     * @param blueprintOverride  the decoded argument (null when absent or null)
     * @param blueprintHasArg    whether the phase has a {@code podOverride} argument at all
     * @param runOverride        the run-level (ActionSet) override, or null
     */
    public static Map<String, Object> combine(Map<?, ?> blueprintOverride, boolean blueprintHasArg,
                                              Map<?, ?> runOverride) throws PatchException {
        Map<?, ?> base = blueprintHasArg ? blueprintOverride : runOverride;
        if (runOverride == null) {
            return JsonValues.copyMap(base);
        }
        return StrategicMergePatch.apply(base, runOverride, PatchSchema.podSpec());
    }

    /** The job pod's spec: the function's default PodSpec with the combined override merged on top. */
    public static Map<String, Object> patchPodSpec(Map<?, ?> defaultSpec, Map<?, ?> override) throws PatchException {
        return StrategicMergePatch.apply(defaultSpec, override, PatchSchema.podSpec());
    }

    /**
     * A pod manifest with a {@code kind: Pod} fragment merged on top: metadata maps merge key by key, {@code spec} by
     * the PodSpec rules.
     */
    public static Map<String, Object> patchPod(Map<?, ?> pod, Map<?, ?> podFragment) throws PatchException {
        return StrategicMergePatch.apply(pod, podFragment, PatchSchema.pod());
    }
}
