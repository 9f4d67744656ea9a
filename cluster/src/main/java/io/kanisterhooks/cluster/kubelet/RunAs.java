package io.kanisterhooks.cluster.kubelet;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The user and groups a container's processes run as, from the pod's and the container's {@code securityContext}
 * merged as Kubernetes merges them: the container's {@code runAsUser}, {@code runAsGroup} and {@code runAsNonRoot} win
 * over the pod's; the pod's {@code supplementalGroups} and {@code fsGroup} are added to the process's groups. Unset ids
 * mean the image's default user, which here is the simulator's own user (root on CI). Any id that is set is a real
 * switch: the command runs under util-linux {@code setpriv}, and so do commands exec'd into the container. A simulator
 * that is not root cannot switch; the container then fails with {@code CreateContainerConfigError} rather than
 * silently running as the wrong user.
 *
 * @param uid the process's user id
 * @param gid the process's primary group id
 * @param groups supplementary groups (fsGroup, supplementalGroups)
 * @param switches whether the command must be started through {@code setpriv}
 */
record RunAs(long uid, long gid, List<Long> groups, boolean switches) {
    private static final String SETPRIV =
            Files.isExecutable(Path.of("/usr/bin/setpriv")) ? "/usr/bin/setpriv" : "setpriv";

    /** The simulator's own user and group. */
    record Self(long uid, long gid) {
        static Self current() {
            try {
                Path self = Path.of("/proc/self");
                return new Self(((Number) Files.getAttribute(self, "unix:uid")).longValue(),
                        ((Number) Files.getAttribute(self, "unix:gid")).longValue());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the simulator's own user id", e);
            }
        }
    }

    /**
     * @throws ContainerConfigException when Kubernetes would refuse the container ({@code runAsNonRoot}) or the
     *     simulator cannot take the identity
     */
    static RunAs of(V1Pod pod, V1Container container, Self self) {
        V1PodSecurityContext podContext = pod.getSpec().getSecurityContext();
        V1SecurityContext own = container.getSecurityContext();
        boolean hasOwn = own != null;
        boolean hasPod = podContext != null;
        Long uid = first(hasOwn ? own.getRunAsUser() : null, hasPod ? podContext.getRunAsUser() : null);
        Long gid = first(hasOwn ? own.getRunAsGroup() : null, hasPod ? podContext.getRunAsGroup() : null);
        Boolean nonRoot = first(hasOwn ? own.getRunAsNonRoot() : null, hasPod ? podContext.getRunAsNonRoot() : null);
        List<Long> groups = !hasPod ? List.of() : Stream.concat(
                Stream.ofNullable(podContext.getFsGroup()),
                Stream.ofNullable(podContext.getSupplementalGroups()).flatMap(List::stream))
                .distinct().toList();
        String where = "(pod: \"" + pod.getMetadata().getName() + "_" + pod.getMetadata().getNamespace()
                + "\", container: " + container.getName() + ")";
        long effectiveUid = uid == null ? self.uid() : uid;
        if (Boolean.TRUE.equals(nonRoot) && effectiveUid == 0) {
            // the kubelet's own messages
            throw new ContainerConfigException(uid == null
                    ? "container has runAsNonRoot and image will run as root " + where
                    : "container's runAsUser breaks non-root policy " + where);
        }
        // without runAsGroup the runtime takes the user's primary group from the image's /etc/passwd (0 if none)
        long effectiveGid = gid != null ? gid : uid != null ? primaryGroup(uid) : self.gid();
        boolean requested = uid != null || gid != null || !groups.isEmpty();
        if (requested && self.uid() != 0
                && (effectiveUid != self.uid() || effectiveGid != self.gid() || !groups.isEmpty())) {
            throw new ContainerConfigException("the kubelet simulator runs as uid " + self.uid() + " and cannot run "
                    + "containers as uid " + effectiveUid + ", gid " + effectiveGid
                    + (groups.isEmpty() ? "" : ", groups " + groups) + " (securityContext) " + where
                    + "; run the local cluster as root");
        }
        return new RunAs(effectiveUid, effectiveGid, groups, requested && self.uid() == 0);
    }

    /** {@code command} as this identity runs it. */
    List<String> wrap(List<String> command) {
        if (!switches) {
            return command;
        }
        List<String> line = new ArrayList<>(List.of(SETPRIV, "--reuid=" + uid, "--regid=" + gid,
                groups.isEmpty() ? "--clear-groups"
                        : "--groups=" + groups.stream().map(String::valueOf).collect(Collectors.joining(","))));
        line.add("--");
        line.addAll(command);
        return line;
    }

    /** Makes {@code path} (not followed if a link) owned by this identity, when it is not the simulator's own. */
    void own(Path path) throws IOException {
        if (switches) {
            Files.setAttribute(path, "unix:uid", (int) uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", (int) gid, LinkOption.NOFOLLOW_LINKS);
        }
    }

    private static <T> T first(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    /** The primary group of {@code uid} in this machine's /etc/passwd (standing in for the image's), else 0. */
    private static long primaryGroup(long uid) {
        try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
            return lines.map(l -> l.split(":", -1)).filter(f -> f.length > 3 && f[2].equals(Long.toString(uid)))
                    .map(f -> Long.parseLong(f[3])).findFirst().orElse(0L);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
