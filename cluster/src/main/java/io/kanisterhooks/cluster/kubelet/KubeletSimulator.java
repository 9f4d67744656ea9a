package io.kanisterhooks.cluster.kubelet;

import com.google.gson.reflect.TypeToken;
import io.kanisterhooks.cluster.ClusterDir;
import io.kanisterhooks.cluster.control.Pki;
import io.kanisterhooks.cluster.kubelet.server.ContainerAccess;
import io.kanisterhooks.cluster.kubelet.server.KubeletServer;
import io.kanisterhooks.cluster.watch.WatchLoop;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.Watch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated kubelet of the local cluster's only node: registers the node, watches the pods bound to it (one watch)
 * and runs their containers as local processes ({@link PodRuntime}), and serves container logs and exec over HTTPS for
 * the API server ({@link KubeletServer}).
 */
public final class KubeletSimulator implements ContainerAccess, AutoCloseable {
    public static final String NODE_NAME = "kanister-hooks-node";
    public static final String NODE_IP = "127.0.0.1";

    private final NodeContext node;
    private final ApiClient watchClient;
    private final Pki.Issued servingCertificate;
    private final Map<String, PodRuntime> byUid = new ConcurrentHashMap<>();
    private final Map<String, PodRuntime> byName = new ConcurrentHashMap<>();
    private KubeletServer server;
    private WatchLoop<V1Pod> watch;

    /**
     * @param client admin client; @param watchClient the same without read timeout
     */
    public KubeletSimulator(ClusterDir dir, ApiClient client, ApiClient watchClient, String apiServerUrl, String caPem,
            Pki.Issued servingCertificate) {
        ExecutorService workers = Executors.newCachedThreadPool(daemonThreads("kubelet-worker"));
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, daemonThreads("kubelet-timer"));
        this.node = new NodeContext(client, new CoreV1Api(client), workers, timers, dir, apiServerUrl, caPem,
                RunAs.Self.current());
        this.watchClient = watchClient;
        this.servingCertificate = servingCertificate;
    }

    public KubeletSimulator start() throws IOException, ApiException {
        KandoInstaller.install(node.dir().bin());
        MappedImage.installEntrypoints(node.dir().entrypoints());
        // containers that run as other users reach their own files (not listable, the kubeconfig stays private)
        for (Path dir : List.of(node.dir().root(), node.dir().pods(), node.dir().run())) {
            Files.createDirectories(dir);
            int mode = (Integer) Files.getAttribute(dir, "unix:mode") & 07777;
            Files.setAttribute(dir, "unix:mode", mode | 0011);
        }
        server = KubeletServer.start(this, servingCertificate, node.workers());
        NodeRegistration.register(node.client(), NODE_NAME, server.port());
        String selector = "spec.nodeName=" + NODE_NAME;
        CoreV1Api api = node.api();
        watch = new WatchLoop<>("pods", watchClient,
                WatchLoop.typed(new TypeToken<Watch.Response<V1Pod>>() {}.getType(),
                () -> {
                    V1PodList list = api.listPodForAllNamespaces().fieldSelector(selector).execute();
                    return new WatchLoop.Listing<>(list.getItems(), list.getMetadata().getResourceVersion());
                },
                resourceVersion -> api.listPodForAllNamespaces().fieldSelector(selector)
                        .resourceVersion(resourceVersion)
                        .watch(true).timeoutSeconds(600).buildCall(null)),
                new PodHandler()).start();
        return this;
    }

    public int port() {
        return server.port();
    }

    @Override
    public ContainerLog log(String namespace, String pod, String container, boolean previous) throws AccessException {
        return runtime(namespace, pod).log(container, previous);
    }

    @Override
    public ExecTarget execTarget(String namespace, String pod, String container) throws AccessException {
        return runtime(namespace, pod).execTarget(container);
    }

    private PodRuntime runtime(String namespace, String pod) throws AccessException {
        PodRuntime runtime = byName.get(namespace + "/" + pod);
        if (runtime == null) {
            throw new AccessException(404, "pod \"" + namespace + "/" + pod + "\" is not running on this node");
        }
        return runtime;
    }

    private void onPod(V1Pod pod) {
        String uid = pod.getMetadata().getUid();
        PodRuntime runtime = byUid.get(uid);
        Long grace = pod.getMetadata().getDeletionGracePeriodSeconds();
        boolean deleting = pod.getMetadata().getDeletionTimestamp() != null;
        if (runtime != null) {
            if (deleting) {
                runtime.terminate(grace == null ? 0 : grace);
            }
            return;
        }
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
            return;
        }
        runtime = new PodRuntime(node, pod);
        byUid.put(uid, runtime);
        byName.put(runtime.key(), runtime);
        if (deleting) {
            runtime.terminate(0);
        } else {
            node.workers().execute(runtime::start);
        }
    }

    private void forget(String uid) {
        PodRuntime runtime = byUid.remove(uid);
        if (runtime != null) {
            byName.remove(runtime.key(), runtime);
            runtime.discard();
        }
    }

    /** Stops watching, kills every pod process, stops the HTTPS server. */
    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
        new HashSet<>(byUid.keySet()).forEach(this::forget);
        if (server != null) {
            server.close();
        }
        node.timers().shutdownNow();
        node.workers().shutdown();
    }

    private final class PodHandler implements WatchLoop.Handler<V1Pod> {
        @Override
        public void onList(List<V1Pod> items) {
            Set<String> present = new HashSet<>();
            items.forEach(p -> present.add(p.getMetadata().getUid()));
            new HashSet<>(byUid.keySet()).stream().filter(uid -> !present.contains(uid))
                    .forEach(KubeletSimulator.this::forget);
            items.forEach(KubeletSimulator.this::onPod);
        }

        @Override
        public void onEvent(String type, V1Pod pod) {
            if ("DELETED".equals(type)) {
                forget(pod.getMetadata().getUid());
            } else {
                onPod(pod);
            }
        }
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
