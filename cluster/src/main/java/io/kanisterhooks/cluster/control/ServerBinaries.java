package io.kanisterhooks.cluster.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The server executables: Debian's etcd and the Kubernetes servers built by {@code bin/local-cluster provision}. */
public record ServerBinaries(Path etcd, Path apiServer, Path controllerManager, Path scheduler) {
    public static final List<String> KUBERNETES_SERVERS =
            List.of("kube-apiserver", "kube-controller-manager", "kube-scheduler");

    /** @param kubeBin the directory holding the three Kubernetes server binaries */
    public static ServerBinaries in(Path kubeBin) {
        ServerBinaries binaries = new ServerBinaries(findEtcd(), kubeBin.resolve("kube-apiserver"),
                kubeBin.resolve("kube-controller-manager"), kubeBin.resolve("kube-scheduler"));
        for (Path p : List.of(binaries.apiServer, binaries.controllerManager, binaries.scheduler)) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException("missing Kubernetes server binary " + p
                        + " (run bin/local-cluster provision)");
            }
        }
        return binaries;
    }

    /** True if {@code dir} holds all three Kubernetes server binaries. */
    public static boolean isComplete(Path dir) {
        return KUBERNETES_SERVERS.stream().allMatch(name -> Files.isExecutable(dir.resolve(name)));
    }

    private static Path findEtcd() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.concat(Stream.of("/usr/bin"), Stream.of(path.split(":")))
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, "etcd"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "etcd not found (Debian package etcd-server; run bin/local-cluster provision)"));
    }
}
