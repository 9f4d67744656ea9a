package io.kanisterhooks.hooks;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the user asked for, before resolution. {@code slotFlags} maps slots to {@code BLUEPRINT/ACTION} given on the
 * command line; they replace the same slot of {@code hooksFile}. Built with {@link #builder()}.
 *
 * @param blueprintNamespace where Blueprint objects and the {@code pod-spec-override} ConfigMap are looked up
 * @param homeNamespace      where KubeTask/MultiContainerRun pods without a namespace argument run, and where the
 *                           run's state is kept
 * @param claimTtl           how long the run's namespace claims stay valid without renewal
 * @param defaultOnError     what the final failure of a hook that sets no {@code onError} does
 */
public record PlanRequest(String hooksFile, Map<HookSlot, String> slotFlags, List<String> blueprintRefs,
                          String blueprintNamespace, List<String> namespaces, String namespaceSelector, String subject,
                          Map<String, String> options, int parallelism, Duration defaultTimeout, boolean forceRoot,
                          String homeNamespace, Duration claimTtl, OnError defaultOnError) {

    public static final String DEFAULT_BLUEPRINT_NAMESPACE = "kasten-io";
    public static final int DEFAULT_PARALLELISM = 8;
    /** Long enough for a typical stage between {@code hooks pre} and {@code hooks post}; see the README. */
    public static final Duration DEFAULT_CLAIM_TTL = Duration.ofHours(1);

    public PlanRequest {
        slotFlags = Map.copyOf(slotFlags);
        blueprintRefs = List.copyOf(blueprintRefs);
        namespaces = List.copyOf(namespaces);
        options = Map.copyOf(options);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults as the CLI documents them; every setter returns the builder. */
    public static final class Builder {
        private String hooksFile;
        private final Map<HookSlot, String> slotFlags = new EnumMap<>(HookSlot.class);
        private List<String> blueprintRefs = List.of();
        private String blueprintNamespace = DEFAULT_BLUEPRINT_NAMESPACE;
        private List<String> namespaces = List.of();
        private String namespaceSelector;
        private String subject;
        private Map<String, String> options = Map.of();
        private int parallelism = DEFAULT_PARALLELISM;
        private Duration defaultTimeout = HookReference.DEFAULT_TIMEOUT;
        private boolean forceRoot = true;
        private String homeNamespace;
        private Duration claimTtl = DEFAULT_CLAIM_TTL;
        private OnError defaultOnError = OnError.FAIL;

        public Builder hooksFile(String file) {
            this.hooksFile = file;
            return this;
        }

        /** {@code BLUEPRINT/ACTION} for a slot; null leaves the slot to the hooks file. */
        public Builder hook(HookSlot slot, String target) {
            if (target != null) {
                slotFlags.put(slot, target);
            }
            return this;
        }

        public Builder blueprints(List<String> refs) {
            this.blueprintRefs = refs;
            return this;
        }

        public Builder blueprintNamespace(String namespace) {
            this.blueprintNamespace = namespace;
            return this;
        }

        public Builder namespaces(List<String> list) {
            this.namespaces = list;
            return this;
        }

        public Builder namespaceSelector(String selector) {
            this.namespaceSelector = selector;
            return this;
        }

        public Builder subject(String kindAndName) {
            this.subject = kindAndName;
            return this;
        }

        public Builder options(Map<String, String> values) {
            this.options = values;
            return this;
        }

        public Builder parallelism(int n) {
            this.parallelism = n;
            return this;
        }

        public Builder defaultTimeout(Duration timeout) {
            this.defaultTimeout = timeout;
            return this;
        }

        public Builder forceRoot(boolean force) {
            this.forceRoot = force;
            return this;
        }

        /** Null: the blueprint namespace (K10 runs hook pods in its own namespace, where its Blueprints live). */
        public Builder homeNamespace(String namespace) {
            this.homeNamespace = namespace;
            return this;
        }

        public Builder claimTtl(Duration ttl) {
            this.claimTtl = ttl;
            return this;
        }

        public Builder defaultOnError(OnError onError) {
            this.defaultOnError = onError;
            return this;
        }

        public PlanRequest build() {
            return new PlanRequest(hooksFile, slotFlags, blueprintRefs, blueprintNamespace, namespaces,
                    namespaceSelector, subject, options, parallelism, defaultTimeout, forceRoot,
                    homeNamespace != null ? homeNamespace : blueprintNamespace, claimTtl, defaultOnError);
        }
    }
}
