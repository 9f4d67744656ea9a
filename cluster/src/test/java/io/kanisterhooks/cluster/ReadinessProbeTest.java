package io.kanisterhooks.cluster;

import static io.kanisterhooks.cluster.TestPods.shell;
import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1ExecAction;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1TCPSocketAction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An exec readinessProbe decides when a running container is Ready, and takes the readiness away again. */
@ExtendWith(LocalClusterExtension.class)
class ReadinessProbeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void execProbeMakesTheContainerReadyAndNotReadyAgain(KubeTestContext k8s) throws Exception {
        V1Pod pod = shell("probed", "sleep 600");
        pod.getSpec().getContainers().get(0).readinessProbe(new V1Probe()
                .exec(new V1ExecAction().command(List.of("sh", "-c", "test -e \"$HOME/ready\"")))
                .periodSeconds(1).failureThreshold(2));
        k8s.coreV1().createNamespacedPod(k8s.namespace(), pod).execute();

        V1Pod running = k8s.awaitPod("probed", p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()),
                TIMEOUT);
        assertThat(running.getStatus().getContainerStatuses().get(0).getReady()).isFalse();
        Thread.sleep(2500); // two periods with failing probes: still not ready
        assertThat(ready(k8s)).isFalse();

        assertThat(k8s.kubectl("exec", "probed", "--", "sh", "-c", "touch \"$HOME/ready\"").exitCode()).isZero();
        k8s.awaitPod("probed", TestPods::isRunningAndReady, TIMEOUT);

        assertThat(k8s.kubectl("exec", "probed", "--", "sh", "-c", "rm \"$HOME/ready\"").exitCode()).isZero();
        V1Pod unready = k8s.awaitPod("probed", p -> !Boolean.TRUE.equals(
                p.getStatus().getContainerStatuses().get(0).getReady()), TIMEOUT);
        assertThat(unready.getStatus().getPhase()).isEqualTo("Running");
        assertThat(unready.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Ready");
            assertThat(c.getStatus()).isEqualTo("False");
        });
    }

    @Test
    void probesOfOtherTypesAreNotRunAndTheContainerIsReadyWhenItRuns(KubeTestContext k8s) throws Exception {
        V1Pod pod = shell("web", "sleep 600");
        pod.getSpec().getContainers().get(0).readinessProbe(new V1Probe()
                .tcpSocket(new V1TCPSocketAction().port(new IntOrString(8080))));
        k8s.coreV1().createNamespacedPod(k8s.namespace(), pod).execute();

        assertThat(k8s.awaitPod("web", TestPods::isRunningAndReady, TIMEOUT).getStatus().getPhase())
                .isEqualTo("Running");
    }

    private static boolean ready(KubeTestContext k8s) throws Exception {
        return Boolean.TRUE.equals(k8s.coreV1().readNamespacedPod("probed", k8s.namespace()).execute().getStatus()
                .getContainerStatuses().get(0).getReady());
    }
}
