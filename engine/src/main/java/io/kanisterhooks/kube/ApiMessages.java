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

    /**
     * An API error as a line that says what to check: the API server not reached (status 0), the credentials not
     * accepted (401), a right missing (403: the API server's message names verb, resource and namespace).
     *
     * @param reason  the API server's message, or the connection's failure
     * @param server  the API server's URL
     * @param context the kubeconfig context in use
     */
    public static String explained(int status, String reason, String server, String context) {
        String where = "the API server " + server + " (context " + context + ")";
        return switch (status) {
            case 0 -> "cannot reach " + where + ": " + reason + "; check that it is up and that the kubeconfig's "
                    + "server address, certificate authority and proxy settings are right";
            case 401 -> where + " does not accept the credentials (401 Unauthorized): check the kubeconfig's user "
                    + "(token, client certificate or exec plugin; it may have expired)";
            case 403 -> reason + " (403 Forbidden at " + where + "; the README's RBAC section lists the rights "
                    + "kanister-hooks needs)";
            default -> reason;
        };
    }
}
