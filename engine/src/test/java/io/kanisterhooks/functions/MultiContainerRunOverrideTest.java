package io.kanisterhooks.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MultiContainerRun's reading of the run-level override (Kanister's {@code prepareActionSetPodSpecOverride} and its
 * test table in {@code multi_container_run_test.go}), and its default pod spec.
 */
class MultiContainerRunOverrideTest {

    private static Map<String, Object> c(String name, Object... more) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", name);
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> limits(String memory) {
        return Map.of("limits", Map.of("memory", memory));
    }

    private static Map<String, Object> expand(Map<String, Object> override) {
        return MultiContainerPod.expandGenericContainer(override, true);
    }

    @Test
    void withoutTheGenericContainerNothingChanges() {
        Map<String, Object> bgOut = Map.of("containers", List.of(c("background", "imagePullPolicy", "Always"),
                c("output", "imagePullPolicy", "Always")));
        assertThat(expand(bgOut)).isEqualTo(bgOut);
        Map<String, Object> other = Map.of("containers", List.of(c("other_container", "imagePullPolicy", "Always")));
        assertThat(expand(other)).isEqualTo(other);
        assertThat(expand(null)).isNull();
        assertThat(expand(Map.of())).isEmpty();
        assertThat(expand(Map.of("serviceAccountName", "custom-sa"))).isEqualTo(Map.of("serviceAccountName",
                "custom-sa"));
        Map<String, Object> notContainers = Map.of("containers", "junk");
        assertThat(expand(notContainers)).isEqualTo(notContainers);
    }

    @Test
    void genericContainerStandsForInitBackgroundAndOutput() {
        assertThat(expand(Map.of("containers", List.of(c("container", "imagePullPolicy", "Always"),
                c("other_container", "imagePullPolicy", "Never"))))).isEqualTo(Map.of(
                "containers", List.of(c("other_container", "imagePullPolicy", "Never"),
                        c("background", "imagePullPolicy", "Always"), c("output", "imagePullPolicy", "Always")),
                "initContainers", List.of(c("init", "imagePullPolicy", "Always"))));
        assertThat(expand(Map.of("containers", List.of(c("container", "resources", limits("128Mi")))))).isEqualTo(
                Map.of("containers", List.of(c("background", "resources", limits("128Mi")),
                                c("output", "resources", limits("128Mi"))),
                        "initContainers", List.of(c("init", "resources", limits("128Mi")))));
    }

    @Test
    void explicitEntriesWin() {
        assertThat(expand(Map.of("containers", List.of(c("container", "resources", limits("128Mi")),
                c("background", "resources", limits("256Mi")))))).isEqualTo(Map.of(
                "containers", List.of(c("background", "resources", limits("256Mi")),
                        c("output", "resources", limits("128Mi"))),
                "initContainers", List.of(c("init", "resources", limits("128Mi")))));
        assertThat(expand(Map.of("containers", List.of(c("container", "resources", limits("128Mi")),
                c("output", "resources", limits("512Mi")))))).isEqualTo(Map.of(
                "containers", List.of(c("background", "resources", limits("128Mi")),
                        c("output", "resources", limits("512Mi"))),
                "initContainers", List.of(c("init", "resources", limits("128Mi")))));
        assertThat(expand(Map.of("containers", List.of(c("container", "resources", limits("128Mi"))),
                "initContainers", List.of(c("init", "resources", limits("512Mi")))))).isEqualTo(Map.of(
                "containers", List.of(c("background", "resources", limits("128Mi")),
                        c("output", "resources", limits("128Mi"))),
                "initContainers", List.of(c("init", "resources", limits("512Mi")))));
    }

    @Test
    void otherInitContainersAreKeptBeforeTheCopy() {
        assertThat(expand(Map.of("containers", List.of(c("container", "env", List.of())),
                "initContainers", List.of(c("extra-init", "image", "x")))).get("initContainers"))
                .isEqualTo(List.of(c("extra-init", "image", "x"), c("init", "env", List.of())));
    }

    @Test
    void noInitCopyWithoutAnInitContainer() {
        assertThat(MultiContainerPod.expandGenericContainer(Map.of("containers", List.of(c("container", "env",
                List.of()))), false)).isEqualTo(Map.of("containers", List.of(c("background", "env", List.of()),
                c("output", "env", List.of()))));
    }

    @Test
    void defaultSpec() {
        Map<String, Object> spec = MultiContainerPod.defaultSpec(
                new MultiContainerPod.Part("output", "o:1", List.of("o")),
                new MultiContainerPod.Part("background", "b:1", List.of("b", "x")),
                new MultiContainerPod.Part("init", "i:1", null), "Memory", "1Gi", "/shared/");
        Map<String, Object> mount = Map.of("name", "shared", "mountPath", "/shared/");
        assertThat(spec).isEqualTo(Map.of(
                "restartPolicy", "Never",
                "volumes", List.of(Map.of("name", "shared", "emptyDir", Map.of("medium", "Memory",
                        "sizeLimit", "1Gi"))),
                "initContainers", List.of(Map.of("name", "init", "image", "i:1", "volumeMounts", List.of(mount))),
                "containers", List.of(
                        Map.of("name", "output", "image", "o:1", "command", List.of("o"), "volumeMounts",
                                List.of(mount)),
                        Map.of("name", "background", "image", "b:1", "command", List.of("b", "x"),
                                "volumeMounts", List.of(mount)))));
        assertThat(MultiContainerPod.defaultSpec(new MultiContainerPod.Part("output", "o", List.of("o")),
                new MultiContainerPod.Part("background", "b", List.of("b")), null, "", null, "/tmp/"))
                .doesNotContainKey("initContainers")
                .extractingByKey("volumes").isEqualTo(List.of(Map.of("name", "shared", "emptyDir", Map.of())));
    }

    @Test
    void sizeLimitIsAKubernetesQuantity() throws PhaseException {
        assertThat(MultiContainerPod.quantity("1Gi")).isEqualTo("1Gi");
        assertThat(MultiContainerPod.quantity("0.5Gi")).isEqualTo("0.5Gi");
        assertThat(MultiContainerPod.quantity("100M")).isEqualTo("100M");
        assertThatThrownBy(() -> MultiContainerPod.quantity("lots")).hasMessage("Failed to parse sharedStorageSize "
                + "arg: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        assertThatThrownBy(() -> MultiContainerPod.quantity(" 1Gi")).isInstanceOf(PhaseException.class);
    }
}
