package io.kanisterhooks.hooks.state;

import io.kanisterhooks.golang.time.GoDuration;
import io.kanisterhooks.golang.time.GoTimeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A run's resolved plan as the run state keeps it: enough to finish or recover the run anywhere, without the files
 * and options that started it.
 *
 * @param hooks          slot key → hook
 * @param blueprints     the text of every blueprint a hook uses, with where it came from
 * @param namespaces     the run's namespaces, fixed when it started
 * @param options        {@code --option} values
 * @param subject        {@code --subject}, or null
 * @param claimTtl       how long the run's namespace claims stay valid without renewal (Go duration)
 */
public record RunPlanRecord(Map<String, HookRecord> hooks, List<BlueprintText> blueprints, List<String> namespaces,
                            Map<String, String> options, String subject, int parallelism, boolean forceRootInHooks,
                            String blueprintNamespace, String homeNamespace, String claimTtl) {

    public RunPlanRecord {
        hooks = Map.copyOf(hooks);
        blueprints = List.copyOf(blueprints);
        namespaces = List.copyOf(namespaces);
        options = Map.copyOf(options);
    }

    /** {@link #claimTtl} as a duration. */
    public Duration claimTtlDuration() {
        try {
            return Duration.ofNanos(GoDuration.parse(claimTtl));
        } catch (GoTimeException | RuntimeException e) {
            return Duration.ofHours(1);
        }
    }

    /**
     * One hook: {@code timeout} as a Go duration; {@code onError} {@code Fail} or {@code Continue} (absent in states
     * written before it existed: Fail); {@code subject} may be null.
     */
    public record HookRecord(String blueprint, String action, String timeout, int maxRetries, String onError,
                             Map<String, String> options, SubjectRecord subject) {

        public String target() {
            return blueprint + "/" + action;
        }
    }

    /** K10's {@code subject: {name, namespace, type}} or an object by apiVersion/group/resource. */
    public record SubjectRecord(String type, String name, String namespace, String apiVersion, String group,
                                String resource) {
    }

    /** A blueprint document as it was read ({@code origin}: the file or the Blueprint object), YAML or JSON. */
    public record BlueprintText(String name, String origin, String text) {
    }
}
