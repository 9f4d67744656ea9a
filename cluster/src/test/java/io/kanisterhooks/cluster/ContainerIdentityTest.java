package io.kanisterhooks.cluster;

import static io.kanisterhooks.cluster.TestPods.shell;
import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.CommandResult;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A container's securityContext decides the real user and groups of its processes (read with {@code id} in the
 * container, and from /proc), as it would for a hook pod. The local cluster runs as the same user as the tests: as root
 * (CI) ids are switched; as another user a container that asks for other ids fails with a clear waiting message.
 */
@ExtendWith(LocalClusterExtension.class)
class ContainerIdentityTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long OWN_UID = ownId("unix:uid");
    private static final long OWN_GID = ownId("unix:gid");
    private static final boolean ROOT = OWN_UID == 0;

    @Test
    void withoutRunAsUserTheProcessRunsAsTheClustersOwnUser(KubeTestContext k8s) throws Exception {
        k8s.coreV1().createNamespacedPod(k8s.namespace(), shell("hook", "id -u; id -g")).execute();

        k8s.awaitPodCompletion("hook", TIMEOUT);

        assertThat(k8s.kubectl("logs", "hook").stdout()).isEqualTo(OWN_UID + "\n" + OWN_GID + "\n");
    }

    @Test
    void podRunAsUserRunAsGroupFsGroupAndSupplementalGroupsAreTheProcessesIds(KubeTestContext k8s) throws Exception {
        V1Pod pod = shell("hook", "id -u; id -g; id -G; stat -c %u:%g \"$HOME\"; "
                + "touch \"$KANISTER_HOOKS_MOUNT_SCRATCH/file\" && stat -c '%g %A' \"$KANISTER_HOOKS_MOUNT_SCRATCH\" "
                + "\"$KANISTER_HOOKS_MOUNT_SCRATCH/file\"");
        pod.getSpec().securityContext(new V1PodSecurityContext().runAsUser(1234L).runAsGroup(2345L).fsGroup(3456L)
                        .supplementalGroups(List.of(4567L)))
                .volumes(List.of(new V1Volume().name("scratch").emptyDir(new V1EmptyDirVolumeSource())));
        pod.getSpec().getContainers().get(0)
                .volumeMounts(List.of(new V1VolumeMount().name("scratch").mountPath("/scratch")));
        k8s.coreV1().createNamespacedPod(k8s.namespace(), pod).execute();

        if (!ROOT) {
            assertRefused(k8s, "hook", "cannot run containers as uid 1234, gid 2345, groups [3456, 4567]");
            return;
        }
        k8s.awaitPodCompletion("hook", TIMEOUT);
        assertThat(k8s.kubectl("logs", "hook").stdout()).isEqualTo("""
                1234
                2345
                2345 3456 4567
                1234:2345
                3456 drwxrwsrwx
                3456 -rw-r--r--
                """);
    }

    @Test
    void theContainersSecurityContextWinsOverThePods(KubeTestContext k8s) throws Exception {
        V1Pod pod = shell("hook", "id -u; id -g");
        pod.getSpec().securityContext(new V1PodSecurityContext().runAsUser(1234L).runAsGroup(2345L));
        pod.getSpec().getContainers().get(0).securityContext(new V1SecurityContext().runAsUser(5678L));
        k8s.coreV1().createNamespacedPod(k8s.namespace(), pod).execute();

        if (!ROOT) {
            assertRefused(k8s, "hook", "cannot run containers as uid 5678, gid 2345");
            return;
        }
        k8s.awaitPodCompletion("hook", TIMEOUT);
        assertThat(k8s.kubectl("logs", "hook").stdout()).isEqualTo("5678\n2345\n");
    }

    @Test
    void theContainersProcessAndCommandsExecdIntoItRunAsRunAsUser(KubeTestContext k8s) throws Exception {
        V1Pod pod = shell("hook", "sleep 600");
        pod.getSpec().securityContext(new V1PodSecurityContext().runAsUser(1234L).runAsGroup(2345L));
        k8s.coreV1().createNamespacedPod(k8s.namespace(), pod).execute();
        if (!ROOT) {
            assertRefused(k8s, "hook", "cannot run containers as uid 1234");
            return;
        }
        k8s.awaitPod("hook", TestPods::isRunningAndReady, TIMEOUT);

        long pid = k8s.containerPid("hook", "c").orElseThrow();
        assertThat(statusOnceExeced(pid)).contains("Uid:\t1234\t1234\t1234\t1234", "Gid:\t2345\t2345\t2345\t2345");
        CommandResult exec = k8s.kubectl("exec", "hook", "--", "sh", "-c", "id -u; id -g");
        assertThat(exec.stdout()).as(exec.stderr()).isEqualTo("1234\n2345\n");
    }

    @Test
    void runAsNonRootRefusesAnImageThatWouldRunAsRoot(KubeTestContext k8s) throws Exception {
        V1Pod pod = shell("hook", "id -u");
        pod.getSpec().securityContext(new V1PodSecurityContext().runAsNonRoot(true));
        k8s.coreV1().createNamespacedPod(k8s.namespace(), pod).execute();

        if (!ROOT) {
            k8s.awaitPodCompletion("hook", TIMEOUT);
            assertThat(k8s.kubectl("logs", "hook").stdout()).isEqualTo(OWN_UID + "\n");
            return;
        }
        assertRefused(k8s, "hook", "container has runAsNonRoot and image will run as root (pod: \"hook_"
                + k8s.namespace() + "\", container: c)");
    }

    /**
     * The process' status once setpriv, which switches the ids, has exec'd the container's command (on a loaded
     * machine the pid may be read while setpriv still runs as root).
     */
    private static List<String> statusOnceExeced(long pid) throws Exception {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        List<String> lines = Files.readAllLines(status);
        for (int i = 0; i < 100 && lines.contains("Name:\tsetpriv"); i++) {
            Thread.sleep(100);
            lines = Files.readAllLines(status);
        }
        return lines;
    }

    /** The container waits with CreateContainerConfigError and {@code message}; nothing ran. */
    private static void assertRefused(KubeTestContext k8s, String name, String message) {
        V1Pod pod = k8s.awaitPod(name, p -> p.getStatus() != null && p.getStatus().getContainerStatuses() != null
                && !p.getStatus().getContainerStatuses().isEmpty()
                && p.getStatus().getContainerStatuses().get(0).getState().getWaiting() != null
                && "CreateContainerConfigError".equals(
                        p.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason()), TIMEOUT);
        V1ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
        assertThat(status.getState().getWaiting().getMessage()).contains(message);
        assertThat(status.getContainerID()).as("never started").isNull();
        assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
    }

    private static long ownId(String attribute) {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), attribute)).longValue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
