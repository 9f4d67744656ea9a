package io.kanisterhooks.kube;

import io.kubernetes.client.openapi.ApiException;

/** A failed request to the Kubernetes API, with the API server's own reason when there is one. */
public class KubeException extends Exception {

    private final int status;

    public KubeException(String message) {
        this(message, 0);
    }

    public KubeException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** HTTP status of the API response, 0 when the request did not get one. */
    public int status() {
        return status;
    }

    public boolean notFound() {
        return status == 404;
    }

    public boolean conflict() {
        return status == 409;
    }

    /** "&lt;what&gt;: &lt;the API server's message&gt;" — the message of a Status body, never the request itself. */
    public static KubeException of(String what, Throwable cause) {
        if (cause instanceof KubeException k) {
            return k;
        }
        if (cause instanceof ApiException api) {
            return new KubeException(what + ": " + ApiMessages.reason(api), api.getCode());
        }
        String m = cause == null ? null : cause.getMessage();
        return new KubeException(what + ": " + (m == null ? String.valueOf(cause) : m));
    }
}
