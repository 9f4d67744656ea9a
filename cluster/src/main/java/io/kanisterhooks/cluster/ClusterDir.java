package io.kanisterhooks.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/** Where a local cluster keeps its files: one directory per cluster, removed when the cluster stops. */
public record ClusterDir(Path root) {
    public ClusterDir {
        root = root.toAbsolutePath().normalize();
    }

    public Path kubeconfig() {
        return root.resolve("kubeconfig");
    }

    public Path pki() {
        return root.resolve("pki");
    }

    public Path caCertificate() {
        return pki().resolve("ca.crt");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path etcdData() {
        return root.resolve("etcd");
    }

    /** Per-pod working directories and container logs of the kubelet simulator. */
    public Path pods() {
        return root.resolve("pods");
    }

    /** hostPath directories of provisioned PersistentVolumes. */
    public Path volumes() {
        return root.resolve("volumes");
    }

    /** Put first on the PATH of simulated pods ({@code kando}). */
    public Path bin() {
        return root.resolve("bin");
    }

    /** Entrypoint scripts of the images the kubelet simulator maps to local binaries (not on the pods' PATH). */
    public Path entrypoints() {
        return root.resolve("entrypoints");
    }

    /**
     * Per-pod directories for unix sockets of the servers a pod runs (a short path: a socket's path must stay within
     * 107 bytes).
     */
    public Path run() {
        return root.resolve("run");
    }

    public Path pidFile() {
        return root.resolve("supervisor.pid");
    }

    /** Written (atomically) when the cluster is ready; holds {@link ClusterInfo}. */
    public Path readyMarker() {
        return root.resolve("ready");
    }

    /** Requests from other processes to the running supervisor (see {@code ControlRequests}). */
    public Path control() {
        return root.resolve("control");
    }

    /** Written when the cluster could not start; holds the reason. */
    public Path failedMarker() {
        return root.resolve("failed");
    }

    public static void writeProperties(Path file, Properties properties) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                properties.store(out, null);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Properties readProperties(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
