package io.kanisterhooks.blueprint;

import io.kanisterhooks.yaml.SourcePosition;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A {@code cr.kanister.io/v1alpha1} Blueprint. Actions are kept in file order.
 *
 * @param namespace {@code metadata.namespace}, or null when the file does not say
 */
public record Blueprint(String name, String namespace, Map<String, BlueprintAction> actions, SourcePosition position) {

    public static final String API_VERSION = "cr.kanister.io/v1alpha1";
    public static final String KIND = "Blueprint";

    public Optional<BlueprintAction> action(String actionName) {
        return Optional.ofNullable(actions.get(actionName));
    }

    /** Action names, sorted, for messages that list what exists. */
    public String actionNames() {
        return String.join(", ", new TreeSet<>(actions.keySet()));
    }
}
