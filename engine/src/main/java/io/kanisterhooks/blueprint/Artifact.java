package io.kanisterhooks.blueprint;

import java.util.Map;

/** Kanister's Artifact: string key/values and an optional Kopia snapshot reference. */
public record Artifact(Map<String, String> keyValue, String kopiaSnapshot) {

    public Artifact {
        keyValue = Map.copyOf(keyValue);
        kopiaSnapshot = kopiaSnapshot == null ? "" : kopiaSnapshot;
    }
}
