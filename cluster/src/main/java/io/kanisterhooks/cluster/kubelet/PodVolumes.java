package io.kanisterhooks.cluster.kubelet;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PersistentVolume;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The host directories behind a pod's volumes and where its containers mount them. Processes are not containerised, so
 * nothing appears at a {@code mountPath}: each mount's host directory is given to the container's processes in an
 * environment variable ({@link #variable}), and container paths the simulator itself needs (an image's data directory)
 * are translated with {@link #hostPath}.
 *
 * <ul>
 * <li>{@code emptyDir}: {@code pods/<pod>/volumes/<name>}, mode 0777 as the kubelet makes it; it goes with the pod.
 * <li>{@code persistentVolumeClaim}: the bound PersistentVolume's {@code hostPath} (or {@code local}) directory; for
 *     the local provisioner's volumes {@code volumes/pvc-<uid>}, which outlives the pod, so a StatefulSet's new pod
 *     finds the data of the old one.
 * <li>{@code hostPath}: the path itself.
 * </ul>
 * Other volume types (configMap, secret, projected, downwardAPI, PersistentVolumes of other sources) get no directory.
 */
final class PodVolumes {
    /** Prefix of the variables naming a mount's host directory: {@code /var/lib/mysql} → {@code ..._VAR_LIB_MYSQL}. */
    static final String MOUNT_ENV_PREFIX = "KANISTER_HOOKS_MOUNT_";

    /** What fsGroup adds to files (group read-write) and directories (also setgid and execute), as the kubelet. */
    private static final int FILE_MASK = 0660;
    private static final int DIRECTORY_MASK = 02770;
    private static final Path FILESYSTEM_ROOT = Path.of("/");

    /** A container's mount: where the container expects it and the host directory behind it. */
    record Mount(String mountPath, Path hostPath) {}

    private final Map<String, Path> directories;
    /** The volumes whose ownership follows fsGroup (emptyDir and claims; hostPath does not, as in Kubernetes). */
    private final Set<String> ownedByPod;

    private PodVolumes(Map<String, Path> directories, Set<String> ownedByPod) {
        this.directories = directories;
        this.ownedByPod = ownedByPod;
    }

    /**
     * @throws ContainerConfigException while a claim is missing or unbound (the containers keep waiting)
     */
    static PodVolumes resolve(CoreV1Api api, V1Pod pod, Path podDir) throws ApiException, IOException {
        Map<String, Path> directories = new LinkedHashMap<>();
        Set<String> ownedByPod = new HashSet<>();
        String namespace = pod.getMetadata().getNamespace();
        for (V1Volume volume : Stream.ofNullable(pod.getSpec().getVolumes()).flatMap(List::stream).toList()) {
            Path dir = null;
            if (volume.getEmptyDir() != null) {
                dir = podDir.resolve("volumes").resolve(volume.getName());
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir);
                    Files.setAttribute(dir, "unix:mode", 0777);
                }
                ownedByPod.add(volume.getName());
            } else if (volume.getPersistentVolumeClaim() != null) {
                dir = claimDirectory(api, namespace, volume.getPersistentVolumeClaim().getClaimName());
                ownedByPod.add(volume.getName());
            } else if (volume.getHostPath() != null) {
                dir = Path.of(volume.getHostPath().getPath());
                createIfDirectoryType(dir, volume.getHostPath().getType());
            }
            if (dir != null) {
                directories.put(volume.getName(), dir);
            }
        }
        return new PodVolumes(directories, ownedByPod);
    }

    private static Path claimDirectory(CoreV1Api api, String namespace, String claimName)
            throws ApiException, IOException {
        V1PersistentVolumeClaim claim;
        try {
            claim = api.readNamespacedPersistentVolumeClaim(claimName, namespace).execute();
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                throw ContainerConfigException.volume("persistentvolumeclaim \"" + claimName + "\" not found");
            }
            throw e;
        }
        String volumeName = claim.getSpec().getVolumeName();
        if (volumeName == null || claim.getStatus() == null || !"Bound".equals(claim.getStatus().getPhase())) {
            throw ContainerConfigException.volume("persistentvolumeclaim \"" + claimName + "\" is not bound");
        }
        V1PersistentVolume volume = api.readPersistentVolume(volumeName).execute();
        if (volume.getSpec().getHostPath() != null) {
            Path dir = Path.of(volume.getSpec().getHostPath().getPath());
            createIfDirectoryType(dir, volume.getSpec().getHostPath().getType());
            return dir;
        }
        return volume.getSpec().getLocal() == null ? null : Path.of(volume.getSpec().getLocal().getPath());
    }

    private static void createIfDirectoryType(Path dir, String type) throws IOException {
        if (type == null || type.isEmpty() || type.equals("DirectoryOrCreate")) {
            Files.createDirectories(dir);
        }
    }

    /**
     * The container's mounts that have a host directory, {@code subPath} (or {@code subPathExpr}, expanded with the
     * container's environment) applied and created.
     */
    List<Mount> mounts(V1Container container, Map<String, String> env) throws IOException {
        List<Mount> mounts = new ArrayList<>();
        for (V1VolumeMount mount : Stream.ofNullable(container.getVolumeMounts()).flatMap(List::stream).toList()) {
            Path dir = directories.get(mount.getName());
            if (dir == null) {
                continue;
            }
            String subPath = mount.getSubPathExpr() != null ? EnvExpansion.expand(mount.getSubPathExpr(), env)
                    : mount.getSubPath();
            if (subPath != null && !subPath.isEmpty()) {
                dir = dir.resolve(subPath).normalize();
                Files.createDirectories(dir);
            }
            mounts.add(new Mount(mount.getMountPath(), dir));
        }
        return mounts;
    }

    /** The environment variable holding the host directory of the mount at {@code mountPath}. */
    static String variable(String mountPath) {
        return MOUNT_ENV_PREFIX + mountPath.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
    }

    /**
     * Where {@code containerPath} is on this machine: under the mount that holds it (the longest mount path), else
     * under {@code containerRoot}, the container's own files (gone with the pod, as a container's writable layer).
     */
    static Path hostPath(List<Mount> mounts, String containerPath, Path containerRoot) {
        Path path = absolute(containerPath);
        Mount best = null;
        for (Mount m : mounts) {
            if (path.startsWith(absolute(m.mountPath())) && (best == null
                    || absolute(m.mountPath()).getNameCount() > absolute(best.mountPath()).getNameCount())) {
                best = m;
            }
        }
        return best == null ? containerRoot.resolve(FILESYSTEM_ROOT.relativize(path))
                : best.hostPath().resolve(absolute(best.mountPath()).relativize(path));
    }

    private static Path absolute(String containerPath) {
        return FILESYSTEM_ROOT.resolve(containerPath).normalize();
    }

    /**
     * fsGroup as the kubelet applies it to the volumes it supports (emptyDir, claims; not hostPath): every file and
     * directory gets group {@code fsGroup} and group read-write, directories also setgid and execute — recursively,
     * or only when the volume's root does not already match with {@code fsGroupChangePolicy: OnRootMismatch}.
     */
    void applyFsGroup(V1PodSecurityContext context) throws IOException {
        if (context == null || context.getFsGroup() == null) {
            return;
        }
        int group = context.getFsGroup().intValue();
        boolean onRootMismatch = "OnRootMismatch".equals(context.getFsGroupChangePolicy());
        for (String name : ownedByPod) {
            Path root = directories.get(name);
            if (root == null || !Files.isDirectory(root)) {
                continue;
            }
            if (onRootMismatch && matches(root, group)) {
                continue;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    own(dir, group, DIRECTORY_MASK);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (!attrs.isSymbolicLink()) {
                        own(file, group, FILE_MASK);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
    }

    private static boolean matches(Path root, int group) throws IOException {
        int mode = (Integer) Files.getAttribute(root, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return (Integer) Files.getAttribute(root, "unix:gid", LinkOption.NOFOLLOW_LINKS) == group
                && (mode & DIRECTORY_MASK) == DIRECTORY_MASK;
    }

    private static void own(Path path, int group, int mask) throws IOException {
        Files.setAttribute(path, "unix:gid", group, LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
        if ((mode & mask) != mask) {
            Files.setAttribute(path, "unix:mode", mode | mask, LinkOption.NOFOLLOW_LINKS);
        }
    }
}
