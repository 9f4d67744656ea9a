package io.kanisterhooks.cluster.storage;

import com.google.gson.JsonObject;
import io.kanisterhooks.cluster.crds.CustomResourceDefinitions;
import io.kubernetes.client.openapi.ApiClient;
import java.util.List;

/** The {@code snapshot.storage.k8s.io/v1} CRDs (VolumeSnapshot, VolumeSnapshotContent, VolumeSnapshotClass). */
public final class SnapshotCrds {
    public static final String GROUP = "snapshot.storage.k8s.io";
    public static final String VERSION = "v1";
    public static final String RESOURCE = "/io/kanisterhooks/cluster/storage/snapshot-crds.yaml";

    private SnapshotCrds() {}

    /** The CRDs as the resource file defines them. */
    public static List<JsonObject> definitions() {
        return CustomResourceDefinitions.definitions(RESOURCE);
    }

    /** Creates the CRDs (those that exist are left alone) and waits until the API server serves them. */
    public static void install(ApiClient client) throws InterruptedException {
        CustomResourceDefinitions.install(client, RESOURCE);
    }

    /** True if the CRD (as JSON) has the condition Established=True. */
    static boolean isEstablished(JsonObject crd) {
        return CustomResourceDefinitions.isEstablished(crd);
    }
}
