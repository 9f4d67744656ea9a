package io.kanisterhooks.hooks.state;

import io.kanisterhooks.blueprint.Artifact;
import java.util.Map;

/**
 * The outcome of one hook slot in one namespace. Holds the preHook's output artifacts (they are passed to the post
 * hooks; they may hold credentials, which is why the run state is kept in a Secret or a file only its owner reads).
 *
 * @param invocation which invocation of the run recorded it (1 for the first {@code hooks pre} or {@code wrap}), so
 *                   that a later one can say "succeeded earlier" instead of pretending to have run it
 */
public record SlotRecord(String blueprint, String action, SlotStatus status, int attempts, String error,
                         String started, String finished, Map<String, Artifact> artifacts, int invocation) {

    public SlotRecord {
        artifacts = artifacts == null ? Map.of() : Map.copyOf(artifacts);
    }

    public boolean succeeded() {
        return status == SlotStatus.SUCCEEDED;
    }

    /** Whether the run goes on as after a success: it succeeded, or it failed with {@code onError: Continue}. */
    public boolean ok() {
        return status == SlotStatus.SUCCEEDED || status == SlotStatus.CONTINUED;
    }
}
