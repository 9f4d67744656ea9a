package io.kanisterhooks.hooks.claims;

import java.time.Duration;
import java.time.Instant;

/**
 * A run's claim on a namespace, as its Lease says: which run holds it, where that run's state lives, who started it,
 * and until when it is valid unless renewed.
 *
 * @param homeNamespace where the holder's run state is kept (a Secret), or null when it is in a file
 * @param stateFile     {@code host:path} of the holder's run-state file when it has one, else null
 * @param buildUrl      Jenkins' {@code BUILD_URL} of the holder, or null
 */
public record Claim(String namespace, String runId, String homeNamespace, String stateFile, String host,
                    String buildUrl, Instant renewed, Duration ttl, String resourceVersion) {

    /** True when nothing renewed the claim within its time to live: its holder is presumed gone. */
    public boolean expired(Instant now) {
        return renewed == null || renewed.plus(ttl).isBefore(now);
    }

    public Instant expires() {
        return renewed == null ? Instant.EPOCH : renewed.plus(ttl);
    }

    /** "run X (host H, BUILD_URL U)", for messages. */
    public String describeHolder() {
        return "run " + runId + " (host " + host + (buildUrl == null || buildUrl.isEmpty() ? "" : ", " + buildUrl)
                + ")";
    }
}
