package io.kanisterhooks.cluster;

import io.kanisterhooks.cluster.control.ServerBinaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the Kubernetes server binaries: {@code $KANISTER_HOOKS_KUBE_BIN}, else whatever {@code bin/local-cluster
 * provision} prints (it builds them if needed), else a complete build in the cache. Fails with instructions otherwise.
 */
public final class KubeBinaries {
    public static final String BIN_ENV = "KANISTER_HOOKS_KUBE_BIN";

    private KubeBinaries() {}

    public static Path locate() {
        String explicit = System.getenv(BIN_ENV);
        if (explicit != null && !explicit.isBlank()) {
            Path dir = Path.of(explicit);
            if (!ServerBinaries.isComplete(dir)) {
                throw new IllegalStateException(BIN_ENV + "=" + explicit + " does not hold "
                        + ServerBinaries.KUBERNETES_SERVERS);
            }
            return dir;
        }
        Optional<Path> script = script();
        if (script.isPresent()) {
            return provision(script.get());
        }
        return cached().orElseThrow(() -> new IllegalStateException("Kubernetes server binaries not found in "
                + cacheRoot() + " and bin/local-cluster not found to build them; run bin/local-cluster provision in the"
                + " kanister-hooks checkout or set " + BIN_ENV));
    }

    /** {@code ${XDG_CACHE_HOME:-$HOME/.cache}/kanister-hooks/kubernetes}, one subdirectory per Debian version. */
    public static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("kanister-hooks").resolve("kubernetes");
    }

    /**
     * {@code bin/local-cluster} of the checkout: from the system property {@code kanisterhooks.root}, or above the cwd.
     */
    public static Optional<Path> script() {
        String root = System.getProperty("kanisterhooks.root");
        if (root != null && Files.isExecutable(Path.of(root, "bin", "local-cluster"))) {
            return Optional.of(Path.of(root, "bin", "local-cluster"));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("bin").resolve("local-cluster");
            if (Files.isExecutable(candidate) && Files.isDirectory(dir.resolve("cluster"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Path provision(Path script) {
        try {
            Process process = new ProcessBuilder(script.toString(), "provision")
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int exit = process.waitFor();
            List<String> lines = out.lines().toList();
            if (exit != 0 || lines.isEmpty() || !ServerBinaries.isComplete(Path.of(lines.get(lines.size() - 1)))) {
                throw new IllegalStateException(script + " provision failed (exit " + exit
                        + "): cannot provide the Kubernetes"
                        + " server binaries; see its messages above");
            }
            return Path.of(lines.get(lines.size() - 1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning", e);
        }
    }

    private static Optional<Path> cached() {
        Path root = cacheRoot();
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(ServerBinaries::isComplete).sorted().reduce((a, b) -> b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
