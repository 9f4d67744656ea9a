package io.kanisterhooks.hooks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the user asked for, before resolution. {@code slotFlags} maps slots to {@code BLUEPRINT/ACTION} given on the
 * command line; they replace the same slot of {@code hooksFile}.
 */
public record PlanRequest(String hooksFile, Map<HookSlot, String> slotFlags, List<String> blueprintRefs,
                          String blueprintNamespace, List<String> namespaces, String namespaceSelector, String subject,
                          Map<String, String> options, int parallelism, Duration defaultTimeout, boolean forceRoot,
                          String homeNamespace) {
}
