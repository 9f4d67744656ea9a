package io.kanisterhooks.hooks;

import io.kanisterhooks.yaml.SourcePosition;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One hook: a blueprint action attached to a slot, with our optional additions (timeout, retries, options, what
 * its final failure does).
 *
 * @param blueprintAt  where the blueprint name was written (for "not found" errors)
 * @param actionAt     where the action name was written
 */
public record HookReference(HookSlot slot, String blueprint, String actionName, Optional<HookSubject> subject,
                            Duration timeout, int maxRetries, OnError onError, Map<String, String> options,
                            SourcePosition blueprintAt, SourcePosition actionAt) {

    /** K10's hook timeout (Helm {@code kanister.hookTimeout}): 20 minutes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(20);

    public HookReference {
        options = Map.copyOf(options);
        onError = onError == null ? OnError.FAIL : onError;
    }

    /** {@code blueprint/action}, as on the command line. */
    public String target() {
        return blueprint + "/" + actionName;
    }
}
