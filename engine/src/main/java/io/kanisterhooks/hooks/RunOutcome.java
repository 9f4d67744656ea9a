package io.kanisterhooks.hooks;

import io.kanisterhooks.blueprint.Artifact;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code pre} or {@code post} over all namespaces.
 *
 * @param failedNamespaces namespaces where a hook failed or was aborted, in plan order
 */
public record RunOutcome(boolean succeeded, boolean aborted, List<String> failedNamespaces,
                         Map<String, Map<String, Artifact>> preHookArtifacts) {
}
