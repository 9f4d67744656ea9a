package io.kanisterhooks.action;

import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.functions.PodSettings;
import java.util.Map;

/**
 * One action to run (what a Kanister ActionSet's {@code spec.actions[i]} says), without a Profile: hooks have none.
 *
 * @param homeNamespace where functions that Kanister runs in "the controller's namespace" (KubeTask and
 *                      MultiContainerRun without a {@code namespace} arg) create their pods
 */
public record ActionRequest(Blueprint blueprint, String actionName, Subject subject, Map<String, String> options,
                            Map<String, Artifact> artifactsIn, PodSettings pods, String homeNamespace) {

    public ActionRequest {
        options = Map.copyOf(options);
        artifactsIn = Map.copyOf(artifactsIn);
    }
}
