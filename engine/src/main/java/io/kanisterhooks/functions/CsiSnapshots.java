package io.kanisterhooks.functions;

import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.kube.JsonObjects;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.kube.ObjectWatch;
import io.kanisterhooks.kube.ResourceNames;
import io.kanisterhooks.kube.WatchSet;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the CSI snapshot functions share ({@code snapshot.storage.k8s.io/v1}, Kanister's {@code pkg/kube/snapshot}):
 * API paths, creating objects, waiting until a VolumeSnapshot is ready to use, its outputs, and the GCP label rules
 * Kanister applies to snapshot labels.
 */
final class CsiSnapshots {

    static final String GROUP = "snapshot.storage.k8s.io";
    static final String VERSION = "v1";
    static final String API_VERSION = GROUP + "/" + VERSION;
    static final String SNAPSHOTS = "volumesnapshots";
    static final String CONTENTS = "volumesnapshotcontents";
    static final String CLASSES = "volumesnapshotclasses";
    /** What a nil {@code *string} or {@code *resource.Quantity} prints as in Go, which Kanister's outputs may hold. */
    private static final String NIL = "<nil>";

    private CsiSnapshots() {
    }

    static String snapshotPath(String namespace, String name) {
        return Kube.path(GROUP, VERSION, SNAPSHOTS, namespace, name);
    }

    static String contentPath(String name) {
        return Kube.path(GROUP, VERSION, CONTENTS, null, name);
    }

    /** POSTs an object to a collection; an API error fails the phase as {@code failure: <API message>}. */
    static void create(Kube kube, String collectionPath, Map<String, Object> object, String failure)
            throws PhaseException {
        try {
            kube.send("POST", collectionPath, JsonObjects.json(object), "application/json", failure);
        } catch (KubeException e) {
            throw new PhaseException(e.getMessage());
        }
    }

    /** DELETEs an object; one that does not exist is fine. */
    static void delete(Kube kube, String path, String failure) throws PhaseException {
        try {
            kube.send("DELETE", path, null, null, failure);
        } catch (KubeException e) {
            if (!e.notFound()) {
                throw new PhaseException(e.getMessage());
            }
        }
    }

    /** A VolumeSnapshot; {@code sourceKey} is {@code persistentVolumeClaimName} or {@code volumeSnapshotContentName}. */
    static Map<String, Object> snapshot(String namespace, String name, Map<String, String> labels, String sourceKey,
                                        String source, String snapshotClass) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        metadata.put("labels", sanitizeLabels(labels));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("source", Map.of(sourceKey, source));
        spec.put("volumeSnapshotClassName", snapshotClass);
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("apiVersion", API_VERSION);
        snapshot.put("kind", "VolumeSnapshot");
        snapshot.put("metadata", metadata);
        snapshot.put("spec", spec);
        return snapshot;
    }

    /**
     * Kanister's {@code waitOnReadyToUse}: until {@code status.readyToUse} and {@code status.creationTime} are set. A
     * {@code status.error} fails at once with its message, and so does the snapshot's disappearance.
     */
    static Map<String, Object> awaitReady(PhaseContext ctx, String namespace, String name)
            throws PhaseException, CancelledException {
        try (WatchSet watches = new WatchSet(ctx.kube())) {
            ObjectWatch snapshot = watches.object(GROUP, VERSION, SNAPSHOTS, namespace, name);
            return watches.await(() -> {
                ObjectWatch.View v = snapshot.view();
                if (v.failure() != null) {
                    if (v.failure().status() != 0) {
                        throw new PhaseException(v.failure().getMessage());
                    }
                    return null; // connection lost: the watch resumes
                }
                Map<String, Object> vs = v.single();
                if (vs == null) {
                    throw new PhaseException(ResourceNames.notFound(GROUP, SNAPSHOTS, name));
                }
                if (JsonObjects.path(vs, "status", "error") instanceof Map<?, ?> error) {
                    throw new PhaseException(error.get("message") instanceof String m ? m : "");
                }
                boolean ready = Boolean.TRUE.equals(JsonObjects.path(vs, "status", "readyToUse"))
                        && JsonObjects.path(vs, "status", "creationTime") != null;
                return ready ? vs : null;
            }, ctx.cancellation());
        }
    }

    /** {@code status.restoreSize} as Go's Quantity prints it (the API already holds it canonical). */
    static String restoreSize(Map<String, Object> snapshot) {
        Object size = JsonObjects.path(snapshot, "status", "restoreSize");
        return size == null ? NIL : String.valueOf(size);
    }

    static String boundContent(Map<String, Object> snapshot) {
        String content = JsonObjects.string(snapshot, "status", "boundVolumeSnapshotContentName");
        return content == null ? NIL : content;
    }

    /** Kanister's {@code SanitizeTags}: keys and values made valid GCP labels; a key that collides overwrites. */
    static Map<String, String> sanitizeLabels(Map<String, String> labels) {
        Map<String, String> out = new LinkedHashMap<>();
        if (labels != null) {
            labels.forEach((k, v) -> out.put(sanitizeForGcp(k), sanitizeForGcp(v)));
        }
        return out;
    }

    /**
     * Kanister's {@code SanitizeValueForGCP}: the first 63 bytes, lower-cased, every character other than
     * {@code [a-z0-9_-]} replaced by {@code _} (a character cut in half by the byte limit counts one {@code _} per
     * byte left), then trailing {@code _} and {@code -} removed.
     */
    static String sanitizeForGcp(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(bytes.length, 63);
        StringBuilder out = new StringBuilder(length);
        int i = 0;
        while (i < length) {
            int size = utf8Length(bytes[i]);
            if (size == 0 || i + size > length) {
                out.append('_'); // an invalid byte, or the start of a character cut off by the limit
                i++;
                continue;
            }
            int cp = new String(bytes, i, size, StandardCharsets.UTF_8).codePointAt(0);
            int lower = Character.toLowerCase(cp);
            out.append(lower >= 'a' && lower <= 'z' || lower >= '0' && lower <= '9' || lower == '_' || lower == '-'
                    ? (char) lower : '_');
            i += size;
        }
        int end = out.length();
        while (end > 0 && (out.charAt(end - 1) == '_' || out.charAt(end - 1) == '-')) {
            end--;
        }
        return out.substring(0, end);
    }

    /** The length of the UTF-8 sequence a byte starts; 0 for a continuation byte. */
    private static int utf8Length(byte b) {
        int u = b & 0xff;
        if (u < 0x80) {
            return 1;
        }
        if (u >= 0xF0) {
            return 4;
        }
        if (u >= 0xE0) {
            return 3;
        }
        return u >= 0xC0 ? 2 : 0;
    }
}
