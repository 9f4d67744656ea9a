package io.kanisterhooks.hooks.state;

import io.kanisterhooks.kube.ApiRetries;
import io.kanisterhooks.kube.JsonObjects;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A run's state in the cluster: one Secret per run in the home namespace, {@code kanister-hooks-run-<run id>}
 * (a Secret because the preHook's artifacts may hold credentials; its labels and annotations carry nothing secret).
 * The state is gzipped JSON, so that a run over hundreds of namespaces stays far below the object size limit.
 * Writes are conditional on the object's resourceVersion: a write that lost against another writer (a recovery forced
 * while this run was still alive) merges its own changes into what the other stored.
 */
public final class SecretRunStateStore extends RunStateStore {

    public static final String NAME_PREFIX = "kanister-hooks-run-";
    public static final String TYPE = "kanister-hooks.io/run-state";
    public static final String LABEL_STATUS = "kanister-hooks.io/run-status";
    public static final String LABEL_BUILD = "kanister-hooks.io/build";
    private static final String KEY = "state.json.gz";
    /** How long a write keeps trying while the API server does not answer (a restart takes seconds). */
    private static final Duration WRITE_BUDGET = Duration.ofMinutes(2);

    private final Kube kube;
    private final String namespace;
    private final String buildLabel;
    private final RunStateEncoder encoder = new RunStateEncoder();
    private String resourceVersion;

    private SecretRunStateStore(Kube kube, String namespace, RunState state, String resourceVersion,
                                String buildLabel) {
        super(state);
        this.kube = kube;
        this.namespace = namespace;
        this.resourceVersion = resourceVersion;
        this.buildLabel = buildLabel;
    }

    /** A store for a new run (written on the first update). */
    public static SecretRunStateStore create(Kube kube, String namespace, RunState state, String buildLabel) {
        return new SecretRunStateStore(kube, namespace, state, null, buildLabel);
    }

    /** The stored run, ready to be continued; empty when there is none. */
    public static Optional<SecretRunStateStore> open(Kube kube, String namespace, String runId)
            throws KubeException, StateException {
        Optional<Map<String, Object>> secret = get(kube, namespace, runId);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> s = secret.get();
        return Optional.of(new SecretRunStateStore(kube, namespace, decode(s), JsonObjects.string(s, "metadata",
                "resourceVersion"), labels(s).get(LABEL_BUILD)));
    }

    /** The runs kept in {@code namespace}, optionally only those with {@code labelSelector}; unreadable ones skipped. */
    @SuppressWarnings("unchecked")
    public static List<RunState> list(Kube kube, String namespace, String labelSelector) throws KubeException {
        String selector = Kube.MANAGED_BY + "=" + Kube.MANAGED_BY_VALUE + ",kanister-hooks.io/run"
                + (labelSelector == null || labelSelector.isEmpty() ? "" : "," + labelSelector);
        Map<String, Object> list = ApiRetries.call(WRITE_BUDGET, () -> kube.request("GET", Kube.path("", "v1",
                "secrets", namespace, null) + "?labelSelector=" + URLEncoder.encode(selector, StandardCharsets.UTF_8),
                null, null, "list the run states (Secrets) in namespace " + namespace));
        List<RunState> runs = new ArrayList<>();
        if (list.get("items") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> m && TYPE.equals(m.get("type"))) {
                    try {
                        runs.add(decode((Map<String, Object>) m));
                    } catch (StateException e) {
                        // another version's or a damaged state: not listed
                    }
                }
            }
        }
        return runs;
    }

    public static String secretName(String runId) {
        return NAME_PREFIX + runId;
    }

    @Override
    public String location() {
        return "Secret " + secretName(state().runId()) + " in namespace " + namespace;
    }

    @Override
    protected RunState write(RunState snapshot, RunState previous) {
        RunState toWrite = snapshot;
        for (int attempt = 1; ; attempt++) {
            try {
                RunState w = toWrite;
                Map<String, Object> stored = ApiRetries.call(WRITE_BUDGET, () -> resourceVersion == null
                        ? kube.request("POST", Kube.path("", "v1", "secrets", namespace, null), manifest(w), null,
                                "create " + location())
                        : kube.request("PUT", Kube.path("", "v1", "secrets", namespace, secretName(w.runId())),
                                manifest(w), null, "update " + location()));
                resourceVersion = JsonObjects.string(stored, "metadata", "resourceVersion");
                return toWrite;
            } catch (KubeException e) {
                if (!e.conflict() || attempt >= 5) {
                    throw new RunStateWriteException("cannot save the run state (" + location() + "): "
                            + e.getMessage(), e);
                }
                toWrite = mergeWithStored(snapshot, previous);
            }
        }
    }

    /** After a conflict: what the other writer stored, with this writer's changes since {@code previous} applied. */
    private RunState mergeWithStored(RunState snapshot, RunState previous) {
        try {
            Optional<Map<String, Object>> secret = get(kube, namespace, snapshot.runId());
            if (secret.isEmpty()) {
                resourceVersion = null; // deleted meanwhile: create it again
                return snapshot;
            }
            resourceVersion = JsonObjects.string(secret.get(), "metadata", "resourceVersion");
            return decode(secret.get()).overlay(previous, snapshot);
        } catch (KubeException | StateException e) {
            throw new RunStateWriteException("cannot save the run state (" + location() + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void delete() {
        try {
            kube.send("DELETE", Kube.path("", "v1", "secrets", namespace, secretName(state().runId())), null, null,
                    "delete " + location());
        } catch (KubeException e) {
            // best effort: an unused run state is harmless
        }
    }

    private String manifest(RunState s) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put(Kube.MANAGED_BY, Kube.MANAGED_BY_VALUE);
        labels.put("kanister-hooks.io/run", s.runId());
        labels.put(LABEL_STATUS, s.status().lower());
        if (buildLabel != null) {
            labels.put(LABEL_BUILD, buildLabel);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", secretName(s.runId()));
        metadata.put("namespace", namespace);
        metadata.put("labels", labels);
        if (resourceVersion != null) {
            metadata.put("resourceVersion", resourceVersion);
        }
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("apiVersion", "v1");
        secret.put("kind", "Secret");
        secret.put("metadata", metadata);
        secret.put("type", TYPE);
        secret.put("data", Map.of(KEY, Base64.getEncoder().encodeToString(gzip(encoder.write(s)))));
        return JsonObjects.json(secret);
    }

    private static Optional<Map<String, Object>> get(Kube kube, String namespace, String runId)
            throws KubeException {
        try {
            return Optional.of(ApiRetries.call(WRITE_BUDGET, () -> kube.getObject("", "v1", "secrets", namespace,
                    secretName(runId))));
        } catch (KubeException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static RunState decode(Map<String, Object> secret) throws StateException {
        String where = "Secret " + JsonObjects.string(secret, "metadata", "namespace") + "/"
                + JsonObjects.string(secret, "metadata", "name");
        String data = JsonObjects.string(secret, "data", KEY);
        if (!TYPE.equals(secret.get("type")) || data == null) {
            throw new StateException(where + " is not a kanister-hooks run state (type " + secret.get("type") + ")");
        }
        try {
            return RunStateJson.read(gunzip(Base64.getDecoder().decode(data)), where);
        } catch (IllegalArgumentException | IOException e) {
            throw new StateException(where + " holds a damaged run state");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> labels(Map<String, Object> secret) {
        return JsonObjects.path(secret, "metadata", "labels") instanceof Map<?, ?> m ? (Map<String, String>) m
                : Map.of();
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String gunzip(byte[] data) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            byte[] text = in.readNBytes(64 * 1024 * 1024);
            return new String(text, StandardCharsets.UTF_8);
        }
    }
}
