package io.kanisterhooks.cluster.control;

import io.kanisterhooks.cluster.ClusterDir;
import io.kanisterhooks.cluster.process.ProcessGroups;
import io.kanisterhooks.cluster.process.ServerProcess;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.Response;

/**
 * etcd, kube-apiserver, kube-controller-manager and kube-scheduler of one local cluster, on free loopback ports, with
 * their files in the cluster directory. The admin user authenticates with a bearer token and is in
 * {@code system:masters}; everything else is authorized by RBAC.
 */
public final class ControlPlane implements AutoCloseable {
    public static final String ADMIN_USER = "kanister-hooks-admin";
    public static final String SERVICE_ACCOUNT_ISSUER = "https://kubernetes.default.svc";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String API_SERVER = "kube-apiserver";

    private final ClusterDir dir;
    private final Pki pki;
    private final String apiServerUrl;
    private final List<Integer> ports;
    private final List<ServerProcess> servers = new ArrayList<>();
    private ApiClient adminClient;

    private ControlPlane(ClusterDir dir, Pki pki, int[] ports) {
        this.dir = dir;
        this.pki = pki;
        this.ports = Arrays.stream(ports).boxed().toList();
        this.apiServerUrl = "https://127.0.0.1:" + ports[2];
    }

    /**
     * Starts all servers and returns once the API server is ready; closes what it started if that fails. The
     * controller-manager and the scheduler start only then: the controller-manager exits when the API server does not
     * answer its first request within 10 s, which a busy machine's API server start can take.
     */
    public static ControlPlane start(ClusterDir dir, ServerBinaries binaries) throws IOException, InterruptedException {
        ControlPlane plane = new ControlPlane(dir, Pki.create(), FreePorts.pick(5));
        try {
            plane.startStorageAndApiServer(binaries);
            plane.awaitApiServer();
            plane.startControllers(binaries);
            return plane;
        } catch (IOException | InterruptedException | RuntimeException e) {
            plane.close();
            throw e;
        }
    }

    public Pki pki() {
        return pki;
    }

    public String apiServerUrl() {
        return apiServerUrl;
    }

    /** etcd client, etcd peer, API server, controller-manager and scheduler ports. */
    public List<Integer> ports() {
        return ports;
    }

    public synchronized List<Long> serverPids() {
        return servers.stream().map(ServerProcess::pid).toList();
    }

    public ApiClient adminClient() {
        return adminClient;
    }

    /**
     * Kills kube-apiserver (SIGKILL) and starts it again on the same port with the same flags and certificates; returns
     * once it is ready. Clients see what a crashed API server does to them: reset connections, broken watches, refused
     * requests until it is back. etcd and the other servers keep running.
     */
    public synchronized void restartApiServer() throws IOException, InterruptedException {
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i).name().equals(API_SERVER)) {
                servers.set(i, servers.get(i).restart());
                awaitApiServer();
                return;
            }
        }
        throw new IllegalStateException(API_SERVER + " is not running");
    }

    /** Fails with the log location if any server has exited. */
    public void checkAlive() {
        servers.forEach(ServerProcess::checkAlive);
    }

    private void startStorageAndApiServer(ServerBinaries bin) throws IOException {
        Path pkiDir = dir.pki();
        Files.createDirectories(pkiDir);
        Files.createDirectories(dir.logs());
        String caPem = Pki.pem(pki.caCertificate());
        Files.writeString(dir.caCertificate(), caPem);
        Pki.Issued serving = this.pki.issueServing("kube-apiserver",
                List.of("localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc",
                        "kubernetes.default.svc.cluster.local"),
                List.of("127.0.0.1", "10.96.0.1"));
        Files.writeString(pkiDir.resolve("apiserver.crt"), serving.certificateChainPem());
        Pki.writePrivate(pkiDir.resolve("apiserver.key"), Pki.pem(serving.key()));
        Pki.writePrivate(pkiDir.resolve("sa.key"), Pki.pem(Pki.serviceAccountKey()));
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        Pki.writePrivate(pkiDir.resolve("tokens.csv"), token + "," + ADMIN_USER + "," + ADMIN_USER
                + ",\"system:masters\"\n");
        Kubeconfigs.write(dir.kubeconfig(), apiServerUrl, caPem, ADMIN_USER, token);

        int etcdClient = ports.get(0);
        int etcdPeer = ports.get(1);
        int apiServer = ports.get(2);
        String peerUrl = "http://127.0.0.1:" + etcdPeer;
        start("etcd", List.of(bin.etcd().toString(),
                "--name=local",
                "--data-dir=" + dir.etcdData(),
                "--listen-client-urls=http://127.0.0.1:" + etcdClient,
                "--advertise-client-urls=http://127.0.0.1:" + etcdClient,
                "--listen-peer-urls=" + peerUrl,
                "--initial-advertise-peer-urls=" + peerUrl,
                "--initial-cluster=local=" + peerUrl,
                "--log-level=warn"));
        start(API_SERVER, List.of(bin.apiServer().toString(),
                "--etcd-servers=http://127.0.0.1:" + etcdClient,
                "--bind-address=127.0.0.1",
                "--secure-port=" + apiServer,
                "--insecure-port=0",
                "--advertise-address=127.0.0.1",
                // the loopback advertise address may not be written to Endpoints; nothing here needs the
                // kubernetes Service
                "--endpoint-reconciler-type=none",
                "--cert-dir=" + pkiDir,
                "--tls-cert-file=" + pkiDir.resolve("apiserver.crt"),
                "--tls-private-key-file=" + pkiDir.resolve("apiserver.key"),
                "--client-ca-file=" + dir.caCertificate(),
                "--token-auth-file=" + pkiDir.resolve("tokens.csv"),
                "--authorization-mode=RBAC",
                "--service-account-key-file=" + pkiDir.resolve("sa.key"),
                "--service-account-signing-key-file=" + pkiDir.resolve("sa.key"),
                "--service-account-issuer=" + SERVICE_ACCOUNT_ISSUER,
                "--api-audiences=" + SERVICE_ACCOUNT_ISSUER,
                "--service-cluster-ip-range=10.96.0.0/16",
                "--allow-privileged=true",
                // client-java 24 sends "overhead: {}" in every PodSpec, which 1.20's RuntimeClass admission rejects
                "--disable-admission-plugins=RuntimeClass",
                // only the InternalIP (127.0.0.1) of the simulated node resolves
                "--kubelet-preferred-address-types=InternalIP",
                "--profiling=false"));
        adminClient = Config.fromConfig(new StringReader(Files.readString(dir.kubeconfig())));
    }

    private void startControllers(ServerBinaries bin) throws IOException {
        Path pkiDir = dir.pki();
        List<String> controllerManager = new ArrayList<>(List.of(bin.controllerManager().toString(),
                "--service-account-private-key-file=" + pkiDir.resolve("sa.key"),
                "--root-ca-file=" + dir.caCertificate(),
                // no IPAM (no pod network) and no node lifecycle (the simulated node has no real heartbeat)
                "--controllers=*,-nodeipam,-nodelifecycle"));
        controllerManager.addAll(apiClientFlags("controller-manager", ports.get(3)));
        start("kube-controller-manager", controllerManager);
        List<String> scheduler = new ArrayList<>(List.of(bin.scheduler().toString()));
        scheduler.addAll(apiClientFlags("scheduler", ports.get(4)));
        start("kube-scheduler", scheduler);
    }

    /** Flags the controller-manager and the scheduler share: admin access, no leader election, secure port only. */
    private List<String> apiClientFlags(String name, int securePort) {
        String adminKubeconfig = dir.kubeconfig().toString();
        return List.of(
                "--kubeconfig=" + adminKubeconfig,
                "--authentication-kubeconfig=" + adminKubeconfig,
                "--authorization-kubeconfig=" + adminKubeconfig,
                "--leader-elect=false",
                "--port=0",
                "--secure-port=" + securePort,
                "--bind-address=127.0.0.1",
                "--cert-dir=" + dir.pki().resolve(name),
                "--kube-api-qps=200",
                "--kube-api-burst=400",
                "--profiling=false");
    }

    private void start(String name, List<String> command) throws IOException {
        servers.add(ServerProcess.start(name, command, dir.root(), dir.log(name),
                Map.of(ProcessGroups.OWNER_ENV, dir.root().toString())));
    }

    /** Polls {@code /readyz}. */
    private void awaitApiServer() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String authorization = adminAuthorization();
        while (true) {
            checkAlive();
            Request request =
                    new Request.Builder().url(apiServerUrl + "/readyz").header("Authorization", authorization).build();
            try (Response response = adminClient.getHttpClient().newCall(request).execute()) {
                if (response.code() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(API_SERVER + " not ready after " + START_TIMEOUT.toSeconds()
                        + " s; see "
                        + dir.log(API_SERVER));
            }
            Thread.sleep(100);
        }
    }

    private String adminAuthorization() {
        try {
            String tokens = Files.readString(dir.pki().resolve("tokens.csv"));
            return "Bearer " + tokens.substring(0, tokens.indexOf(','));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the servers in reverse order of start. */
    @Override
    public void close() {
        for (int i = servers.size() - 1; i >= 0; i--) {
            servers.get(i).close();
        }
        servers.clear();
    }
}
