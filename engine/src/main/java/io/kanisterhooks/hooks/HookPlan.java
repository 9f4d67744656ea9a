package io.kanisterhooks.hooks;

import io.kanisterhooks.action.ActionRequest;
import io.kanisterhooks.action.Subject;
import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.functions.PodPolicy;
import io.kanisterhooks.functions.PodSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a hook run needs, resolved and validated: hooks with their blueprints, the namespaces (a selector already
 * resolved), the options every hook gets, and how hook pods are made.
 *
 * @param blueprints      blueprint name → blueprint, for every blueprint a hook refers to
 * @param defaultSubject  {@code --subject}: used by hooks that name no subject of their own (kind and name only)
 * @param homeNamespace   where KubeTask/MultiContainerRun pods without a namespace arg run (K10: its own namespace)
 */
public record HookPlan(String runId, HookSet hooks, Map<String, Blueprint> blueprints, List<String> namespaces,
                       Map<String, String> options, Optional<HookSubject> defaultSubject, int parallelism,
                       String homeNamespace, PodPolicy podPolicy) {

    /** Labels that identify hook pods, so that an abort or a crash can find and remove them. */
    public static final String LABEL_RUN = "kanister-hooks.io/run";
    public static final String LABEL_NAMESPACE = "kanister-hooks.io/namespace";
    public static final String LABEL_HOOK = "kanister-hooks.io/hook";
    public static final String LABEL_ATTEMPT = "kanister-hooks.io/attempt";

    public HookPlan {
        blueprints = Map.copyOf(blueprints);
        namespaces = List.copyOf(namespaces);
        options = Map.copyOf(options);
    }

    /** The subject a hook runs on in {@code namespace}: its own, else {@code --subject}, else the namespace. */
    public Subject subject(HookReference hook, String namespace) {
        HookSubject s = hook.subject().or(() -> defaultSubject).orElse(null);
        if (s == null || s.isNamespace()) {
            return Subject.namespace(namespace);
        }
        String ns = s.namespace() == null || s.namespace().isEmpty() ? namespace : s.namespace();
        if (s.kind() != null) {
            return Subject.of(s.kind(), s.name(), ns);
        }
        String version = s.apiVersion().contains("/") ? s.apiVersion().substring(s.apiVersion().indexOf('/') + 1)
                : s.apiVersion();
        return Subject.object(s.group(), version, s.resource(), s.name(), ns);
    }

    /** The action a hook runs in {@code namespace}: its blueprint action, subject, options and labelled pods. */
    public ActionRequest request(HookReference hook, String namespace, int attempt, Map<String, Artifact> artifactsIn) {
        Map<String, String> merged = new LinkedHashMap<>(options);
        merged.putAll(hook.options());
        Map<String, String> labels = Map.of(LABEL_RUN, runId, LABEL_NAMESPACE, namespace, LABEL_HOOK,
                hook.slot().key(), LABEL_ATTEMPT, String.valueOf(attempt));
        return new ActionRequest(blueprints.get(hook.blueprint()), hook.actionName(), subject(hook, namespace), merged,
                artifactsIn, new PodSettings(labels, Map.of(), Map.of(), podPolicy), homeNamespace);
    }
}
