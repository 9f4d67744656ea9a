package io.kanisterhooks.cluster.storage;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import io.kanisterhooks.cluster.watch.WatchLoop;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.ApiextensionsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinitionList;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.util.PatchUtils;
import io.kubernetes.client.util.Watch;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Call;

/**
 * A simulated CSI snapshot controller: a VolumeSnapshot of a PVC gets a bound VolumeSnapshotContent at once and is
 * marked {@code readyToUse} with {@code creationTime} and {@code restoreSize} (the PVC's size); a missing PVC or class
 * is reported in {@code status.error}. Volume contents are not copied. Idle until the CRDs exist (it watches for them).
 */
public final class SnapshotController implements AutoCloseable {
    static final String SNAPSHOTS = "volumesnapshots";
    static final String CONTENTS = "volumesnapshotcontents";
    static final String CLASSES = "volumesnapshotclasses";
    private static final Logger LOG = Logger.getLogger(SnapshotController.class.getName());
    private static final String SNAPSHOT_CRD = SNAPSHOTS + "." + SnapshotCrds.GROUP;
    private static final Gson GSON = new Gson();

    private final ApiClient client;
    private final ApiClient watchClient;
    private final CustomObjectsApi objects;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "snapshot-controller");
        t.setDaemon(true);
        return t;
    });
    private WatchLoop<V1CustomResourceDefinition> crdWatch;
    private volatile WatchLoop<JsonObject> snapshotWatch;

    public SnapshotController(ApiClient client, ApiClient watchClient) {
        this.client = client;
        this.watchClient = watchClient;
        this.objects = new CustomObjectsApi(client);
    }

    public void start() {
        ApiextensionsV1Api crds = new ApiextensionsV1Api(client);
        String selector = "metadata.name=" + SNAPSHOT_CRD;
        WatchLoop.Source<V1CustomResourceDefinition> source = WatchLoop.typed(
                new TypeToken<Watch.Response<V1CustomResourceDefinition>>() {}.getType(),
                () -> {
                    V1CustomResourceDefinitionList list =
                            crds.listCustomResourceDefinition().fieldSelector(selector).execute();
                    return new WatchLoop.Listing<>(list.getItems(), list.getMetadata().getResourceVersion());
                },
                resourceVersion -> crds.listCustomResourceDefinition().fieldSelector(selector)
                        .resourceVersion(resourceVersion)
                        .watch(true).timeoutSeconds(600).buildCall(null));
        crdWatch = new WatchLoop<>("snapshot-crd", watchClient, source,
                new WatchLoop.Handler<V1CustomResourceDefinition>() {
            @Override
            public void onList(List<V1CustomResourceDefinition> items) {
                items.forEach(crd -> onEvent("ADDED", crd));
            }

            @Override
            public void onEvent(String type, V1CustomResourceDefinition crd) {
                if (!"DELETED".equals(type)
                        && SnapshotCrds.isEstablished(client.getJSON().getGson().toJsonTree(crd).getAsJsonObject())) {
                    startSnapshotWatch();
                }
            }
        }).start();
    }

    private synchronized void startSnapshotWatch() {
        if (snapshotWatch == null) {
            snapshotWatch =
                    new WatchLoop<>("volumesnapshots", watchClient, new SnapshotSource(),
                    new WatchLoop.Handler<JsonObject>() {
                @Override
                public void onList(List<JsonObject> items) {
                    items.forEach(s -> worker.execute(() -> reconcile(s)));
                }

                @Override
                public void onEvent(String type, JsonObject snapshot) {
                    worker.execute(() -> {
                        if ("DELETED".equals(type)) {
                            deleteContent(snapshot);
                        } else {
                            reconcile(snapshot);
                        }
                    });
                }
            }).start();
        }
    }

    private void reconcile(JsonObject snapshot) {
        JsonObject meta = snapshot.getAsJsonObject("metadata");
        JsonObject status = snapshot.has("status") ? snapshot.getAsJsonObject("status") : null;
        if (meta.has("deletionTimestamp") || (status != null
                && (status.has("error") || (status.has("readyToUse") && status.get("readyToUse").getAsBoolean())))) {
            return;
        }
        String namespace = meta.get("namespace").getAsString();
        String name = meta.get("name").getAsString();
        try {
            JsonObject spec = snapshot.getAsJsonObject("spec");
            JsonObject source = spec.getAsJsonObject("source");
            String className = string(spec, "volumeSnapshotClassName");
            String driver = className == null ? VolumeProvisioner.PROVISIONER : driverOf(className);
            if (driver == null) {
                reportError(namespace, name, "volumesnapshotclass \"" + className + "\" not found");
                return;
            }
            String claimName = source == null ? null : string(source, "persistentVolumeClaimName");
            String preProvisioned = source == null ? null : string(source, "volumeSnapshotContentName");
            if (claimName != null) {
                snapshotClaim(snapshot, namespace, name, claimName, className, driver);
            } else if (preProvisioned != null) {
                bindPreProvisioned(namespace, name, preProvisioned);
            } else {
                reportError(namespace, name,
                        "spec.source needs persistentVolumeClaimName or volumeSnapshotContentName");
            }
        } catch (ApiException e) {
            LOG.log(Level.WARNING, "cannot reconcile VolumeSnapshot " + namespace + "/" + name + ": HTTP "
                    + e.getCode());
        }
    }

    private void snapshotClaim(JsonObject snapshot, String namespace, String name, String claimName, String className,
            String driver) throws ApiException {
        V1PersistentVolumeClaim claim;
        try {
            claim = new CoreV1Api(client).readNamespacedPersistentVolumeClaim(claimName, namespace).execute();
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                reportError(namespace, name, "failed to get input source PVC \"" + namespace + "/" + claimName
                        + "\": persistentvolumeclaims \"" + claimName + "\" not found");
                return;
            }
            throw e;
        }
        Quantity size = claim.getStatus() != null && claim.getStatus().getCapacity() != null
                && claim.getStatus().getCapacity().containsKey("storage") ? claim.getStatus().getCapacity()
                        .get("storage")
                : claim.getSpec().getResources().getRequests().get("storage");
        String uid = snapshot.getAsJsonObject("metadata").get("uid").getAsString();
        String contentName = "snapcontent-" + uid;
        Instant now = Instant.now();
        Map<String, Object> ref = Map.of("apiVersion", SnapshotCrds.GROUP + "/" + SnapshotCrds.VERSION,
                "kind", "VolumeSnapshot", "name", name, "namespace", namespace, "uid", uid);
        Map<String, Object> contentSpec = new LinkedHashMap<>();
        contentSpec.put("deletionPolicy", "Delete");
        contentSpec.put("driver", driver);
        contentSpec.put("source", Map.of("volumeHandle", claim.getSpec().getVolumeName() == null
                ? "pvc-" + claim.getMetadata().getUid() : claim.getSpec().getVolumeName()));
        if (className != null) {
            contentSpec.put("volumeSnapshotClassName", className);
        }
        contentSpec.put("volumeSnapshotRef", ref);
        try {
            objects.createClusterCustomObject(SnapshotCrds.GROUP, SnapshotCrds.VERSION, CONTENTS, Map.of(
                    "apiVersion", SnapshotCrds.GROUP + "/" + SnapshotCrds.VERSION, "kind", "VolumeSnapshotContent",
                    "metadata", Map.of("name", contentName), "spec", contentSpec)).execute();
        } catch (ApiException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
        long bytes = size == null ? 0 : size.getNumber().longValue();
        patchStatus(() -> objects.patchClusterCustomObjectStatus(SnapshotCrds.GROUP, SnapshotCrds.VERSION, CONTENTS,
                contentName, new V1Patch(GSON.toJson(Map.of("status", Map.of(
                        "creationTime", now.getEpochSecond() * 1_000_000_000L + now.getNano(),
                        "readyToUse", true, "restoreSize", bytes, "snapshotHandle", "snapshot-" + uid)))))
                                .buildCall(null));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("boundVolumeSnapshotContentName", contentName);
        status.put("creationTime", now.truncatedTo(ChronoUnit.SECONDS).toString());
        status.put("readyToUse", true);
        status.put("restoreSize", size == null ? "0" : size.toSuffixedString());
        patchSnapshotStatus(namespace, name, status);
    }

    private void bindPreProvisioned(String namespace, String name, String contentName) throws ApiException {
        JsonObject content;
        try {
            content = GSON.toJsonTree(objects.getClusterCustomObject(SnapshotCrds.GROUP, SnapshotCrds.VERSION, CONTENTS,
                    contentName).execute()).getAsJsonObject();
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                reportError(namespace, name, "volumesnapshotcontent \"" + contentName + "\" not found");
                return;
            }
            throw e;
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("boundVolumeSnapshotContentName", contentName);
        status.put("creationTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        status.put("readyToUse", true);
        JsonObject contentStatus = content.has("status") ? content.getAsJsonObject("status") : new JsonObject();
        if (contentStatus.has("restoreSize")) {
            status.put("restoreSize", contentStatus.get("restoreSize").getAsLong());
        }
        patchSnapshotStatus(namespace, name, status);
    }

    private String driverOf(String className) throws ApiException {
        try {
            JsonObject vsClass =
                    GSON.toJsonTree(objects.getClusterCustomObject(SnapshotCrds.GROUP, SnapshotCrds.VERSION,
                    CLASSES, className).execute()).getAsJsonObject();
            return string(vsClass, "driver");
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    private void reportError(String namespace, String name, String message) throws ApiException {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("readyToUse", false);
        status.put("error",
                Map.of("message", message, "time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        patchSnapshotStatus(namespace, name, status);
    }

    private void patchSnapshotStatus(String namespace, String name, Map<String, Object> status) throws ApiException {
        patchStatus(() -> objects.patchNamespacedCustomObjectStatus(SnapshotCrds.GROUP, SnapshotCrds.VERSION, namespace,
                SNAPSHOTS, name, new V1Patch(GSON.toJson(Map.of("status", status)))).buildCall(null));
    }

    private void patchStatus(PatchUtils.PatchCallFunc call) throws ApiException {
        try {
            PatchUtils.patch(Object.class, call, V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
        } catch (ApiException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }

    private void deleteContent(JsonObject snapshot) {
        String uid = snapshot.getAsJsonObject("metadata").get("uid").getAsString();
        try {
            objects.deleteClusterCustomObject(SnapshotCrds.GROUP, SnapshotCrds.VERSION, CONTENTS, "snapcontent-" + uid)
                    .execute();
        } catch (ApiException e) {
            if (e.getCode() != 404) {
                LOG.log(Level.WARNING, "cannot delete snapcontent-" + uid + ": HTTP " + e.getCode());
            }
        }
    }

    private static String string(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    @Override
    public void close() {
        if (crdWatch != null) {
            crdWatch.close();
        }
        if (snapshotWatch != null) {
            snapshotWatch.close();
        }
        worker.shutdownNow();
    }

    private final class SnapshotSource implements WatchLoop.Source<JsonObject> {
        @Override
        public WatchLoop.Listing<JsonObject> list() throws ApiException {
            JsonObject list = GSON.toJsonTree(objects.listClusterCustomObject(SnapshotCrds.GROUP, SnapshotCrds.VERSION,
                    SNAPSHOTS).execute()).getAsJsonObject();
            List<JsonObject> items =
                    list.getAsJsonArray("items").asList().stream().map(JsonElement::getAsJsonObject).toList();
            return new WatchLoop.Listing<>(items, list.getAsJsonObject("metadata").get("resourceVersion")
                    .getAsString());
        }

        @Override
        public Call watch(String resourceVersion) throws ApiException {
            return objects.listClusterCustomObject(SnapshotCrds.GROUP, SnapshotCrds.VERSION, SNAPSHOTS)
                    .resourceVersion(resourceVersion).watch(true).allowWatchBookmarks(true).timeoutSeconds(600)
                            .buildCall(null);
        }

        @Override
        public Type eventType() {
            return new TypeToken<Watch.Response<JsonObject>>() {}.getType();
        }

        @Override
        public String resourceVersionOf(JsonObject snapshot) {
            return snapshot.getAsJsonObject("metadata").get("resourceVersion").getAsString();
        }
    }
}
