package io.kanisterhooks.hooks;

import io.kanisterhooks.functions.PodPolicy;
import io.kanisterhooks.kube.patch.PatchException;
import io.kanisterhooks.kube.patch.PodOverrides;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * K10's security context rules for hook pods (README, "How hooks behave"): with {@code forceRootInKanisterHooks} (default)
 * pods run as root ({@code runAsUser: 0}, {@code runAsNonRoot: false}); without it, the phase's own
 * {@code podOverride.securityContext} is used, or an empty one. The {@code pod-spec-override} ConfigMap is merged last
 * and its {@code securityContext}, when it has one, replaces every other — K10's hooks page says it "holds the highest
 * priority" (its override page says the opposite; we follow the hooks page).
 */
public final class HookPodPolicy implements PodPolicy {

    private static final String SECURITY_CONTEXT = "securityContext";

    private final boolean forceRoot;
    private final Optional<Map<String, Object>> configMapOverride;

    public HookPodPolicy(boolean forceRoot, Optional<Map<String, Object>> configMapOverride) {
        this.forceRoot = forceRoot;
        this.configMapOverride = configMapOverride;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> apply(Map<String, Object> pod, Map<String, Object> phaseOverride) {
        Map<String, Object> result = new LinkedHashMap<>(pod);
        Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) result.getOrDefault("spec", Map.of()));
        if (forceRoot) {
            Map<String, Object> sc = spec.get(SECURITY_CONTEXT) instanceof Map<?, ?> m
                    ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
            sc.put("runAsUser", 0L);
            sc.put("runAsNonRoot", false);
            spec.put(SECURITY_CONTEXT, sc);
        } else {
            Object own = phaseOverride.get(SECURITY_CONTEXT);
            spec.put(SECURITY_CONTEXT, own instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m)
                    : new LinkedHashMap<>());
        }
        result.put("spec", spec);
        if (configMapOverride.isEmpty()) {
            return result;
        }
        Map<String, Object> fragment = configMapOverride.get();
        try {
            result = PodOverrides.patchPod(result, fragment);
        } catch (PatchException e) {
            throw new IllegalStateException("cannot apply the pod-spec-override ConfigMap: " + e.getMessage(), e);
        }
        if (fragment.get("spec") instanceof Map<?, ?> fs && fs.get(SECURITY_CONTEXT) instanceof Map<?, ?> sc) {
            Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) result.get("spec"));
            merged.put(SECURITY_CONTEXT, new LinkedHashMap<>((Map<String, Object>) sc));
            result.put("spec", merged);
        }
        return result;
    }

    /** Applies the ConfigMap fragment to an empty pod once, so a broken fragment is reported before anything runs. */
    public static Optional<String> check(Map<String, Object> fragment) {
        try {
            PodOverrides.patchPod(Map.of("spec", Map.of()), fragment);
            return Optional.empty();
        } catch (PatchException e) {
            return Optional.of(e.getMessage());
        }
    }
}
