package io.kanisterhooks.cluster.kubelet;

import io.kanisterhooks.cluster.control.FreePorts;
import io.kanisterhooks.cluster.control.Kubeconfigs;
import io.kanisterhooks.cluster.process.ProcessGroups;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sets a pod up before its containers start, as a kubelet does: each container's identity ({@link RunAs}), working
 * directory and kubeconfig (owned by that identity), the pod's volumes ({@link PodVolumes}; fsGroup applied, each
 * mount's host directory in the container's environment), for a pod with {@link MappedImage} containers a socket
 * directory and a free loopback port per server, and each container's environment.
 */
final class PodSetup {
    /** Longest path of a unix socket (sun_path holds 108 bytes with the terminating NUL). */
    private static final int MAX_SOCKET_PATH = 107;

    /**
     * @param configs per container name
     * @param runDir the pod's socket directory, or null when it runs no server of a mapped image
     */
    record Result(Map<String, ContainerConfig> configs, Path runDir) {}

    private PodSetup() {}

    /**
     * @throws ContainerConfigException when a container cannot be set up (yet): the kubelet's waiting reasons
     */
    static Result prepare(NodeContext node, V1Pod pod, Path podDir, List<ContainerSlot> slots)
            throws ApiException, IOException {
        Map<String, RunAs> identities = new HashMap<>();
        for (ContainerSlot slot : slots) {
            identities.put(slot.name(), RunAs.of(pod, slot.spec, node.self()));
        }
        Files.createDirectories(podDir);
        PodVolumes volumes = PodVolumes.resolve(node.api(), pod, podDir);
        String token = ServiceAccountTokens.forPod(node.api(), pod);
        List<MappedImage> images = slots.stream().map(s -> s.image).filter(i -> i != null).distinct().toList();
        Path runDir = images.isEmpty() ? null : runDir(node, pod);
        Map<String, String> servers = serverEnvironment(images, runDir);
        PodEnvironment environment = new PodEnvironment(node.api(), pod);
        Map<String, ContainerConfig> configs = new HashMap<>();
        for (ContainerSlot slot : slots) {
            RunAs runAs = identities.get(slot.name());
            Path workDir = podDir.resolve("containers").resolve(slot.name());
            Files.createDirectories(workDir);
            runAs.own(workDir);
            Map<String, String> base = new LinkedHashMap<>();
            base.put("PATH", Stream.concat(Stream.of(node.dir().bin()),
                    slot.image == null ? Stream.empty() : slot.image.binaries().stream())
                    .map(Path::toString).collect(Collectors.joining(":"))
                    + ":" + System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
            base.put("HOME", workDir.toString());
            base.put("HOSTNAME", pod.getMetadata().getName());
            base.put("LANG", "C.UTF-8");
            if (token != null) {
                // without a token there is no credential, as in a real pod: kubectl finds no configuration
                Path kubeconfig = podDir.resolve("kubeconfig-" + slot.name());
                Kubeconfigs.write(kubeconfig, node.apiServerUrl(), node.caPem(), "pod", token);
                runAs.own(kubeconfig);
                base.put("KUBECONFIG", kubeconfig.toString());
            }
            base.put("KUBERNETES_SERVICE_HOST", KubeletSimulator.NODE_IP);
            base.put("KUBERNETES_SERVICE_PORT", node.apiServerUrl()
                    .substring(node.apiServerUrl().lastIndexOf(':') + 1));
            base.put(ProcessGroups.OWNER_ENV, node.dir().root().toString());
            base.putAll(servers);
            Map<String, String> env = environment.resolve(slot.spec, base);
            List<PodVolumes.Mount> mounts = volumes.mounts(slot.spec, env);
            mounts.forEach(m -> env.put(PodVolumes.variable(m.mountPath()), m.hostPath().toString()));
            if (slot.image != null) {
                env.putAll(slot.image.dataEnvironment(dataDirectory(slot, env, mounts, podDir, runAs)));
            }
            configs.put(slot.name(), new ContainerConfig(env, workDir, runAs));
        }
        volumes.applyFsGroup(pod.getSpec().getSecurityContext());
        return new Result(configs, runDir);
    }

    /**
     * The host directory of the image's data directory: on the volume mounted there, else (no volume) the image's
     * anonymous volume in the container's own files, which goes with the pod.
     */
    private static Path dataDirectory(ContainerSlot slot, Map<String, String> env, List<PodVolumes.Mount> mounts,
            Path podDir, RunAs runAs) throws IOException {
        Path containerRoot = podDir.resolve("rootfs").resolve(slot.name());
        Path data = PodVolumes.hostPath(mounts, slot.image.dataPath(env), containerRoot);
        if (data.startsWith(containerRoot) && !Files.isDirectory(data)) {
            Files.createDirectories(data);
            runAs.own(data);
        }
        return data;
    }

    /** The pod's socket directory: short (a socket path has a limit), shared by its containers, sticky like /tmp. */
    private static Path runDir(NodeContext node, V1Pod pod) throws IOException {
        Path dir = node.dir().run().resolve(pod.getMetadata().getUid().substring(0, 8));
        if (dir.resolve(".s.PGSQL.65535").toString().length() > MAX_SOCKET_PATH) {
            throw new ContainerConfigException("the socket directory " + dir + " is too long for unix sockets ("
                    + MAX_SOCKET_PATH + " bytes); start the local cluster in a shorter directory");
        }
        Files.createDirectories(dir);
        Files.setAttribute(dir, "unix:mode", 01777);
        return dir;
    }

    private static Map<String, String> serverEnvironment(List<MappedImage> images, Path runDir) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        int[] ports = FreePorts.pick(images.size());
        for (int i = 0; i < images.size(); i++) {
            images.get(i).prepareRunDir(runDir, ports[i]);
            env.putAll(images.get(i).clientEnvironment(runDir, ports[i]));
        }
        return env;
    }
}
