package io.kanisterhooks.cluster.supervisor;

import io.kanisterhooks.cluster.ClusterDir;
import io.kanisterhooks.cluster.ClusterInfo;
import io.kanisterhooks.cluster.control.ControlPlane;
import io.kanisterhooks.cluster.control.Pki;
import io.kanisterhooks.cluster.control.ServerBinaries;
import io.kanisterhooks.cluster.crds.CustomResourceDefinitions;
import io.kanisterhooks.cluster.kubelet.KubeletSimulator;
import io.kanisterhooks.cluster.storage.SnapshotController;
import io.kanisterhooks.cluster.storage.SnapshotCrds;
import io.kanisterhooks.cluster.storage.VolumeProvisioner;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one local cluster: the control plane as child processes, and in this JVM the kubelet simulator, the volume
 * provisioner and the snapshot controller. {@code bin/local-cluster} and the JUnit fixture both run it (through
 * {@link SupervisorMain}) in a JVM of its own.
 */
public final class Supervisor implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final ClusterDir dir;
    private final ServerBinaries binaries;
    private final List<AutoCloseable> started = new ArrayList<>();
    private ControlPlane controlPlane;
    private ClusterInfo info;

    public Supervisor(ClusterDir dir, ServerBinaries binaries) {
        this.dir = dir;
        this.binaries = binaries;
    }

    /**
     * Starts everything and waits until pods can be created in {@code default}; returns what the ready marker holds.
     */
    public ClusterInfo start(boolean snapshotCrds) throws IOException, ApiException, InterruptedException {
        controlPlane = ControlPlane.start(dir, binaries);
        started.add(controlPlane);
        ApiClient client = controlPlane.adminClient();
        ApiClient watchClient = Config.fromConfig(new StringReader(Files.readString(dir.kubeconfig())));
        watchClient.setHttpClient(client.getHttpClient().newBuilder().readTimeout(0, TimeUnit.SECONDS).build());
        String caPem = Files.readString(dir.caCertificate());
        Pki.Issued kubeletCert = controlPlane.pki().issueServing(KubeletSimulator.NODE_NAME,
                List.of("localhost", KubeletSimulator.NODE_NAME), List.of(KubeletSimulator.NODE_IP));
        KubeletSimulator kubelet =
                new KubeletSimulator(dir, client, watchClient, controlPlane.apiServerUrl(), caPem, kubeletCert);
        started.add(kubelet);
        kubelet.start();
        VolumeProvisioner provisioner = new VolumeProvisioner(client, watchClient, dir.volumes());
        started.add(provisioner);
        provisioner.start();
        SnapshotController snapshots = new SnapshotController(client, watchClient);
        started.add(snapshots);
        snapshots.start();
        if (snapshotCrds) {
            SnapshotCrds.install(client);
        }
        // blueprints stored in the cluster, as K10 keeps hook blueprints: every cluster serves them
        CustomResourceDefinitions.install(client, CustomResourceDefinitions.KANISTER);
        awaitDefaultServiceAccount(client);
        List<Integer> ports = new ArrayList<>(controlPlane.ports());
        ports.add(kubelet.port());
        info = new ClusterInfo(controlPlane.apiServerUrl(), dir.kubeconfig(), ProcessHandle.current().pid(),
                controlPlane.serverPids(), ports);
        return info;
    }

    /** Kills and restarts kube-apiserver (same port, same flags); returns what the ready marker must now hold. */
    public ClusterInfo restartApiServer() throws IOException, InterruptedException {
        controlPlane.restartApiServer();
        info = new ClusterInfo(info.apiServerUrl(), info.kubeconfig(), info.supervisorPid(), controlPlane.serverPids(),
                info.ports());
        return info;
    }

    /**
     * Pods can be created once the namespace's service account has its token (the ServiceAccount admission needs it).
     */
    private void awaitDefaultServiceAccount(ApiClient client) throws InterruptedException {
        CoreV1Api api = new CoreV1Api(client);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            controlPlane.checkAlive();
            try {
                V1ServiceAccount sa = api.readNamespacedServiceAccount("default", "default").execute();
                if (sa.getSecrets() != null && !sa.getSecrets().isEmpty()) {
                    return;
                }
            } catch (ApiException e) {
                if (e.getCode() != 404) {
                    throw new IllegalStateException("cannot read the default service account: HTTP " + e.getCode(), e);
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the default service account did not get a token in "
                + READY_TIMEOUT.toSeconds()
                + " s; see " + dir.log("kube-controller-manager"));
    }

    /** Stops in reverse order: pods and controllers first, then the servers. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("stopping " + started.get(i).getClass().getSimpleName() + " failed: " + e);
            }
        }
        started.clear();
    }
}
