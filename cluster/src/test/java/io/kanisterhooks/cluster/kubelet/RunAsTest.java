package io.kanisterhooks.cluster.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunAsTest {
    private static final RunAs.Self ROOT = new RunAs.Self(0, 0);
    private static final RunAs.Self USER = new RunAs.Self(1000, 1000);

    @Test
    void withoutIdsTheContainerRunsAsTheSimulatorWithoutASwitch() {
        RunAs runAs = RunAs.of(pod(null), container(null), ROOT);

        assertThat(runAs).isEqualTo(new RunAs(0, 0, List.of(), false));
        assertThat(runAs.wrap(List.of("id"))).containsExactly("id");
    }

    @Test
    void podIdsApplyAndFsGroupAndSupplementalGroupsAreAdded() {
        RunAs runAs = RunAs.of(pod(new V1PodSecurityContext().runAsUser(999L).runAsGroup(998L).fsGroup(997L)
                .supplementalGroups(List.of(996L, 997L))), container(null), ROOT);

        assertThat(runAs).isEqualTo(new RunAs(999, 998, List.of(997L, 996L), true));
        assertThat(runAs.wrap(List.of("id", "-u"))).endsWith("--reuid=999", "--regid=998", "--groups=997,996", "--",
                "id", "-u");
    }

    @Test
    void theContainersIdsWinAndAUserWithoutGroupGetsItsPrimaryGroupFromPasswd() {
        RunAs runAs = RunAs.of(pod(new V1PodSecurityContext().runAsUser(999L).runAsGroup(998L)),
                container(new V1SecurityContext().runAsUser(0L)), ROOT);
        assertThat(runAs).isEqualTo(new RunAs(0, 998, List.of(), true));

        RunAs rootWithoutGroup = RunAs.of(pod(new V1PodSecurityContext().runAsUser(0L)), container(null), ROOT);
        assertThat(rootWithoutGroup.gid()).as("root's primary group in /etc/passwd").isZero();
        assertThat(rootWithoutGroup.wrap(List.of("id"))).contains("--clear-groups");

        RunAs unknownUser = RunAs.of(pod(new V1PodSecurityContext().runAsUser(54321L)), container(null), ROOT);
        assertThat(unknownUser.gid()).as("no passwd entry: group 0, as a runtime does").isZero();
    }

    @Test
    void runAsNonRootRefusesRootWithTheKubeletsMessages() {
        assertThatThrownBy(() -> RunAs.of(pod(new V1PodSecurityContext().runAsNonRoot(true)), container(null), ROOT))
                .isInstanceOf(ContainerConfigException.class)
                .hasMessage("container has runAsNonRoot and image will run as root (pod: \"p_ns\", container: c)");
        assertThatThrownBy(() -> RunAs.of(pod(null), container(new V1SecurityContext().runAsNonRoot(true)
                .runAsUser(0L)), ROOT))
                .hasMessage("container's runAsUser breaks non-root policy (pod: \"p_ns\", container: c)");
        assertThat(RunAs.of(pod(new V1PodSecurityContext().runAsNonRoot(true).runAsUser(5L)), container(null), ROOT)
                .uid()).isEqualTo(5);
    }

    @Test
    void aSimulatorThatIsNotRootRefusesOtherIdsButRunsItsOwn() {
        assertThatThrownBy(() -> RunAs.of(pod(new V1PodSecurityContext().runAsUser(999L)), container(null), USER))
                .isInstanceOf(ContainerConfigException.class)
                .hasMessageContaining("the kubelet simulator runs as uid 1000 and cannot run containers as uid 999")
                .hasMessageEndingWith("; run the local cluster as root");
        assertThatThrownBy(() -> RunAs.of(pod(new V1PodSecurityContext().fsGroup(5L)), container(null), USER))
                .hasMessageContaining("groups [5]");

        RunAs own = RunAs.of(pod(new V1PodSecurityContext().runAsUser(1000L).runAsGroup(1000L)), container(null), USER);
        assertThat(own).isEqualTo(new RunAs(1000, 1000, List.of(), false));
        assertThat(own.wrap(List.of("id"))).containsExactly("id");
    }

    private static V1Pod pod(V1PodSecurityContext context) {
        return new V1Pod().metadata(new V1ObjectMeta().name("p").namespace("ns"))
                .spec(new V1PodSpec().securityContext(context));
    }

    private static V1Container container(V1SecurityContext context) {
        return new V1Container().name("c").securityContext(context);
    }
}
