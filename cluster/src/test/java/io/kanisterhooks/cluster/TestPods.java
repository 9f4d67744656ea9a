package io.kanisterhooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.CommandResult;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.List;

/** Pods for tests: one container {@code c} running a shell script. */
final class TestPods {
    private TestPods() {}

    static V1Pod shell(String name, String script) {
        return new V1Pod()
                .metadata(new V1ObjectMeta().name(name))
                .spec(new V1PodSpec()
                        .restartPolicy("Never")
                        .terminationGracePeriodSeconds(30L)
                        .containers(List.of(new V1Container().name("c").image("busybox")
                                .command(List.of("sh", "-c", script)))));
    }

    static V1Pod withEnv(V1Pod pod, String name, String value) {
        pod.getSpec().getContainers().get(0).addEnvItem(new V1EnvVar().name(name).value(value));
        return pod;
    }

    static void assertSucceeded(CommandResult result) {
        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    static String phase(V1Pod pod) {
        return pod.getStatus() == null ? null : pod.getStatus().getPhase();
    }

    /**
     * True while the process exists and has not exited. An exited orphan stays a zombie until PID 1 reaps it, which in
     * some sandboxes takes a while: it counts as gone.
     */
    static boolean isRunning(ProcessHandle process) {
        try {
            String stat =
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(process.pid()),
                    "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static boolean isRunningAndReady(V1Pod pod) {
        return "Running".equals(phase(pod)) && pod.getStatus().getContainerStatuses() != null
                && pod.getStatus().getContainerStatuses().stream().allMatch(s -> Boolean.TRUE.equals(s.getReady()));
    }
}
