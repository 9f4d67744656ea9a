package io.kanisterhooks.action;

import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.blueprint.ObjectReference;
import io.kanisterhooks.functions.PodSettings;
import java.util.Map;

/**
 * One action to run (what a Kanister ActionSet's {@code spec.actions[i]} says), without a Profile: hooks have none.
 *
 * @param homeNamespace where functions that Kanister runs in "the controller's namespace" (KubeTask and
 *                      MultiContainerRun without a {@code namespace} arg) create their pods
 * @param secrets       ActionSet {@code secrets}: name → Secret, fetched into {@code .Secrets}
 * @param configMaps    ActionSet {@code configMaps}: name → ConfigMap, fetched into {@code .ConfigMaps}
 */
public record ActionRequest(Blueprint blueprint, String actionName, Subject subject, Map<String, String> options,
                            Map<String, Artifact> artifactsIn, PodSettings pods, String homeNamespace,
                            Map<String, ObjectReference> secrets, Map<String, ObjectReference> configMaps) {

    public ActionRequest {
        options = Map.copyOf(options);
        artifactsIn = Map.copyOf(artifactsIn);
        secrets = Map.copyOf(secrets);
        configMaps = Map.copyOf(configMaps);
    }

    /** An action without ActionSet-level Secrets and ConfigMaps (hooks never have them). */
    public ActionRequest(Blueprint blueprint, String actionName, Subject subject, Map<String, String> options,
                         Map<String, Artifact> artifactsIn, PodSettings pods, String homeNamespace) {
        this(blueprint, actionName, subject, options, artifactsIn, pods, homeNamespace, Map.of(), Map.of());
    }
}
