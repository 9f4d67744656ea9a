package io.kanisterhooks.kube;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.ApiException;

/** The human part of API errors: the {@code message} of a Kubernetes Status, else the HTTP status line. */
public final class ApiMessages {

    private ApiMessages() {
    }

    public static String reason(ApiException e) {
        String body = e.getResponseBody();
        if (body != null && body.startsWith("{")) {
            try {
                JsonObject status = JsonParser.parseString(body).getAsJsonObject();
                if (status.has("message")) {
                    return status.get("message").getAsString();
                }
            } catch (RuntimeException ignored) {
                // not a Status object; fall through to the HTTP status
            }
        }
        if (e.getCode() == 0) {
            return e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : "no response from the API server";
        }
        return "HTTP " + e.getCode();
    }
}
