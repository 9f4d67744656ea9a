package io.kanisterhooks.cluster.kubelet;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Kubernetes {@code metav1.Time}: RFC 3339 with second precision. */
final class Times {
    private Times() {}

    static String format(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
