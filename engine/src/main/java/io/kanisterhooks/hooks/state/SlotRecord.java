package io.kanisterhooks.hooks.state;

import io.kanisterhooks.blueprint.Artifact;
import java.util.Map;

/**
 * The outcome of one hook slot in one namespace, as kept in the run-state file. Holds the preHook's output artifacts
 * (they are passed to the post hooks) and never any Secret data.
 */
public record SlotRecord(String blueprint, String action, SlotStatus status, int attempts, String error,
                         String started, String finished, Map<String, Artifact> artifacts) {

    public SlotRecord {
        artifacts = artifacts == null ? Map.of() : Map.copyOf(artifacts);
    }

    public boolean succeeded() {
        return status == SlotStatus.SUCCEEDED;
    }
}
