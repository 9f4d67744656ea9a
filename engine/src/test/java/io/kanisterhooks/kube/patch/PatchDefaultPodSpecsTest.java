package io.kanisterhooks.kube.patch;

import static io.kanisterhooks.kube.patch.YamlMaps.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kanister's TestPatchDefaultPodSpecs: blueprint and ActionSet overrides combined, then merged onto a default spec with
 * one container mounting volume {@code data} from PVC {@code default-pvc}, restart policy OnFailure.
 */
class PatchDefaultPodSpecsTest {

    private static final String DEFAULT_SPEC = """
            containers:
            - name: container
              image: example/kanister-tools:v9.99.9-dev
              command: [sh, -c, echo in default specs]
              imagePullPolicy: IfNotPresent
              volumeMounts:
              - name: data
                mountPath: /var/lib/data
            restartPolicy: OnFailure
            volumes:
            - name: data
              persistentVolumeClaim:
                claimName: default-pvc
            """;

    private static final String NODE_SELECTOR = """
            nodeSelector:
              selector-key: selector-value
            """;

    private static final String TOLERATIONS = """
            tolerations:
            - key: taint-key
              operator: Equal
              value: taint-value
              effect: NoSchedule
            """;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no overrides", null, null, DEFAULT_SPEC),
                Arguments.of("ActionSet restart policy", null, "restartPolicy: Always",
                        DEFAULT_SPEC.replace("OnFailure", "Always")),
                Arguments.of("blueprint repeats a default", """
                        containers:
                        - name: container
                          imagePullPolicy: IfNotPresent
                        """, null, DEFAULT_SPEC),
                Arguments.of("new mount path in blueprint, new claim in ActionSet", """
                        containers:
                        - name: container
                          volumeMounts:
                          - mountPath: /var/lib/other
                            name: data
                        """, """
                        volumes:
                        - name: data
                          persistentVolumeClaim:
                            claimName: other-claim
                        """, DEFAULT_SPEC
                        .replace("  volumeMounts:\n", "  volumeMounts:\n  - name: data\n    mountPath: /var/lib/other\n")
                        .replace("default-pvc", "other-claim")),
                Arguments.of("node selector and tolerations from both levels", NODE_SELECTOR, TOLERATIONS,
                        DEFAULT_SPEC + NODE_SELECTOR + TOLERATIONS),
                Arguments.of("ActionSet command with blueprint scheduling", NODE_SELECTOR + TOLERATIONS, """
                        containers:
                        - name: container
                          command: [echo, override command]
                        """, DEFAULT_SPEC.replace("[sh, -c, echo in default specs]", "[echo, override command]")
                        + NODE_SELECTOR + TOLERATIONS),
                Arguments.of("blueprint command", """
                        containers:
                        - name: container
                          command: [echo, override command]
                        """, null,
                        DEFAULT_SPEC.replace("[sh, -c, echo in default specs]", "[echo, override command]")),
                Arguments.of("ActionSet wins over blueprint", """
                        containers:
                        - name: container
                          imagePullPolicy: IfNotPresent
                        dnsPolicy: Default
                        """, "dnsPolicy: ClusterFirst", DEFAULT_SPEC + "dnsPolicy: ClusterFirst\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mergesLikeKanisterTest(String name, String blueprint, String actionSet, String expected) throws Exception {
        // The Go test merges the two overrides unconditionally, then patches the default spec.
        Map<String, Object> override = StrategicMergePatch.apply(mapOrNull(blueprint), mapOrNull(actionSet),
                PatchSchema.podSpec());
        assertThat(PodOverrides.patchPodSpec(map(DEFAULT_SPEC), override)).isEqualTo(map(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void combineGivesTheSameSpecs(String name, String blueprint, String actionSet, String expected) throws Exception {
        Map<String, Object> override = PodOverrides.combine(mapOrNull(blueprint), blueprint != null,
                mapOrNull(actionSet));
        assertThat(PodOverrides.patchPodSpec(map(DEFAULT_SPEC), override)).isEqualTo(map(expected));
    }

    @Test
    void newMountPathIsListedBeforeTheOriginalMount() throws Exception {
        Map<String, Object> spec = PodOverrides.patchPodSpec(map(DEFAULT_SPEC), map("""
                containers:
                - name: container
                  volumeMounts:
                  - {name: data, mountPath: /var/lib/other}
                """));
        Object mounts = ((Map<?, ?>) ((List<?>) spec.get("containers")).get(0)).get("volumeMounts");
        assertThat(mounts).isEqualTo(
                YamlMaps.value("[{name: data, mountPath: /var/lib/other}, {name: data, mountPath: /var/lib/data}]"));
    }

    private static Map<String, Object> mapOrNull(String yaml) {
        return yaml == null ? null : map(yaml);
    }
}
