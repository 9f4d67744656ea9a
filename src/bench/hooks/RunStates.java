package io.kanisterhooks.bench.hooks;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** A run's state as the CLI keeps it in the cluster (the Secret {@code kanister-hooks-run-ID}), read as JSON. */
final class RunStates {

    private RunStates() {
    }

    static Optional<JsonObject> read(BenchCluster cluster, String namespace, String runId) throws Exception {
        V1Secret secret;
        try {
            secret = cluster.core.readNamespacedSecret("kanister-hooks-run-" + runId, namespace).execute();
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        byte[] gz = secret.getData().get("state.json.gz");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return Optional.of(new Gson().fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    JsonObject.class));
        } catch (IOException e) {
            throw new IllegalStateException("run state of " + runId + " is damaged", e);
        }
    }

    /** The status of {@code slot} in {@code namespace} ("running", "succeeded", ...), or null when not recorded. */
    static String slot(JsonObject state, String namespace, String slot) {
        JsonObject records = state.getAsJsonObject("records");
        if (records == null || !records.has(namespace) || !records.getAsJsonObject(namespace).has(slot)) {
            return null;
        }
        return records.getAsJsonObject(namespace).getAsJsonObject(slot).get("status").getAsString()
                .toLowerCase(java.util.Locale.ROOT);
    }

    static String status(JsonObject state) {
        return state.get("status").getAsString();
    }
}
