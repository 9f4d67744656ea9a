package io.kanisterhooks.kube;

import io.kanisterhooks.cancel.Cancellation;
import java.time.Duration;

/**
 * Retries requests that failed for a passing reason — no response (the API server restarting), 429, 5xx — with a
 * growing pause, until a time budget is spent. Anything else (403, 404, 409, 422, ...) is the answer and is thrown.
 */
public final class ApiRetries {

    /** A request to the API server. */
    @FunctionalInterface
    public interface Request<T> {
        T send() throws KubeException;
    }

    private ApiRetries() {
    }

    public static boolean isTransient(KubeException e) {
        return e.status() == 0 || e.status() == 429 || e.status() >= 500;
    }

    public static <T> T call(Duration budget, Request<T> request) throws KubeException {
        long deadline = System.nanoTime() + budget.toNanos();
        long pause = 200;
        while (true) {
            try {
                return request.send();
            } catch (KubeException e) {
                if (!isTransient(e) || System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e;
                }
            }
            Cancellation.none().sleep(pause);
            if (Thread.currentThread().isInterrupted()) {
                throw new KubeException("interrupted while retrying a request to the API server");
            }
            pause = Math.min(5000, pause * 2);
        }
    }
}
