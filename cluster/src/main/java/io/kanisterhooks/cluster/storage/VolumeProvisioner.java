package io.kanisterhooks.cluster.storage;

import com.google.gson.reflect.TypeToken;
import io.kanisterhooks.cluster.FileTrees;
import io.kanisterhooks.cluster.watch.WatchLoop;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.StorageV1Api;
import io.kubernetes.client.openapi.models.V1HostPathVolumeSource;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.kubernetes.client.openapi.models.V1PersistentVolume;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimList;
import io.kubernetes.client.openapi.models.V1PersistentVolumeSpec;
import io.kubernetes.client.openapi.models.V1StorageClass;
import io.kubernetes.client.util.Watch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A tiny dynamic provisioner: every Pending PersistentVolumeClaim gets a hostPath PersistentVolume (a directory in the
 * cluster directory) pre-bound to it, which the controller-manager's PV controller then binds. Deleting the claim
 * deletes its volume. Also installs the default StorageClass {@value #STORAGE_CLASS}.
 */
public final class VolumeProvisioner implements AutoCloseable {
    public static final String PROVISIONER = "local-hostpath.kanister-hooks.io";
    public static final String STORAGE_CLASS = "standard";
    private static final Logger LOG = Logger.getLogger(VolumeProvisioner.class.getName());

    private final ApiClient client;
    private final ApiClient watchClient;
    private final CoreV1Api api;
    private final Path volumesDir;
    private final Set<String> provisioned = ConcurrentHashMap.newKeySet();
    private WatchLoop<V1PersistentVolumeClaim> watch;

    public VolumeProvisioner(ApiClient client, ApiClient watchClient, Path volumesDir) {
        this.client = client;
        this.watchClient = watchClient;
        this.api = new CoreV1Api(client);
        this.volumesDir = volumesDir;
    }

    public void start() throws ApiException {
        try {
            new StorageV1Api(client).createStorageClass(new V1StorageClass()
                    .metadata(new V1ObjectMeta().name(STORAGE_CLASS)
                            .annotations(Map.of("storageclass.kubernetes.io/is-default-class", "true")))
                    .provisioner(PROVISIONER).reclaimPolicy("Delete").volumeBindingMode("Immediate")).execute();
        } catch (ApiException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
        WatchLoop.Source<V1PersistentVolumeClaim> claims = WatchLoop.typed(
                new TypeToken<Watch.Response<V1PersistentVolumeClaim>>() {}.getType(),
                () -> {
                    V1PersistentVolumeClaimList list = api.listPersistentVolumeClaimForAllNamespaces().execute();
                    return new WatchLoop.Listing<>(list.getItems(), list.getMetadata().getResourceVersion());
                },
                resourceVersion -> api.listPersistentVolumeClaimForAllNamespaces().resourceVersion(resourceVersion)
                        .watch(true)
                        .timeoutSeconds(600).buildCall(null));
        watch = new WatchLoop<>("persistentvolumeclaims", watchClient, claims, new WatchLoop.Handler<>() {
            @Override
            public void onList(List<V1PersistentVolumeClaim> items) {
                items.forEach(VolumeProvisioner.this::onClaim);
            }

            @Override
            public void onEvent(String type, V1PersistentVolumeClaim claim) {
                if ("DELETED".equals(type)) {
                    onClaimDeleted(claim);
                } else {
                    onClaim(claim);
                }
            }
        }).start();
    }

    private static String volumeName(V1PersistentVolumeClaim claim) {
        return "pvc-" + claim.getMetadata().getUid();
    }

    private void onClaim(V1PersistentVolumeClaim claim) {
        boolean pending = claim.getStatus() == null || "Pending".equals(claim.getStatus().getPhase());
        if (!pending || claim.getSpec().getVolumeName() != null || claim.getMetadata().getDeletionTimestamp() != null
                || !provisioned.add(claim.getMetadata().getUid())) {
            return;
        }
        String name = volumeName(claim);
        Path hostPath = volumesDir.resolve(name);
        Quantity size = claim.getSpec().getResources() == null || claim.getSpec().getResources().getRequests() == null
                ? null : claim.getSpec().getResources().getRequests().get("storage");
        V1PersistentVolume volume = new V1PersistentVolume()
                .metadata(new V1ObjectMeta().name(name)
                        .annotations(Map.of("pv.kubernetes.io/provisioned-by", PROVISIONER)))
                .spec(new V1PersistentVolumeSpec()
                        .capacity(Map.of("storage", size == null ? Quantity.fromString("1Gi") : size))
                        .accessModes(claim.getSpec().getAccessModes() == null || claim.getSpec().getAccessModes()
                                .isEmpty()
                                ? List.of("ReadWriteOnce") : claim.getSpec().getAccessModes())
                        .persistentVolumeReclaimPolicy("Delete")
                        .storageClassName(claim.getSpec().getStorageClassName() == null ? "" : claim.getSpec()
                                .getStorageClassName())
                        .volumeMode(claim.getSpec().getVolumeMode())
                        .claimRef(new V1ObjectReference().apiVersion("v1").kind("PersistentVolumeClaim")
                                .namespace(claim.getMetadata().getNamespace()).name(claim.getMetadata().getName())
                                .uid(claim.getMetadata().getUid()))
                        .hostPath(new V1HostPathVolumeSource().path(hostPath.toString()).type("DirectoryOrCreate")));
        try {
            Files.createDirectories(hostPath);
            api.createPersistentVolume(volume).execute();
        } catch (ApiException e) {
            if (e.getCode() != 409) {
                LOG.log(Level.WARNING, "cannot provision " + name + ": HTTP " + e.getCode() + " "
                        + e.getResponseBody());
                provisioned.remove(claim.getMetadata().getUid());
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot create " + hostPath, e);
            provisioned.remove(claim.getMetadata().getUid());
        }
    }

    private void onClaimDeleted(V1PersistentVolumeClaim claim) {
        if (!provisioned.remove(claim.getMetadata().getUid())) {
            return;
        }
        String name = volumeName(claim);
        try {
            api.deletePersistentVolume(name).execute();
        } catch (ApiException e) {
            if (e.getCode() != 404) {
                LOG.log(Level.WARNING, "cannot delete " + name + ": HTTP " + e.getCode());
            }
        }
        FileTrees.delete(volumesDir.resolve(name));
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
    }
}
