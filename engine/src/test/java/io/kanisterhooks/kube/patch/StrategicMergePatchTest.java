package io.kanisterhooks.kube.patch;

import static io.kanisterhooks.kube.patch.YamlMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StrategicMergePatchTest {

    private static Map<String, Object> spec(String original, String patch) throws PatchException {
        return StrategicMergePatch.apply(map(original), map(patch), PatchSchema.podSpec());
    }

    private static void assertSpec(String original, String patch, String expected) throws PatchException {
        assertThat(spec(original, patch)).isEqualTo(map(expected));
    }

    private static void assertSpecFails(String original, String patch, String message) {
        assertThatThrownBy(() -> spec(original, patch)).isInstanceOf(PatchException.class).hasMessage(message);
    }

    @Nested
    class Maps {

        @Test
        void mergeRecursively() throws PatchException {
            assertSpec("""
                    nodeSelector: {a: "1", b: "2"}
                    containers:
                    - name: c
                      resources: {limits: {cpu: 100m}, requests: {cpu: 50m}}
                    """, """
                    nodeSelector: {b: "3", c: "4"}
                    containers:
                    - name: c
                      resources: {limits: {memory: 1Gi}}
                    """, """
                    nodeSelector: {a: "1", b: "3", c: "4"}
                    containers:
                    - name: c
                      resources: {limits: {cpu: 100m, memory: 1Gi}, requests: {cpu: 50m}}
                    """);
        }

        @Test
        void nullDeletesAKeyAndIsDroppedWhereThereIsNothingToDelete() throws PatchException {
            assertSpec("""
                    nodeSelector: {a: "1", b: "2"}
                    serviceAccountName: sa
                    """, """
                    nodeSelector: {a: null}
                    serviceAccountName: null
                    hostname: null
                    securityContext: {runAsUser: 1000, fsGroup: null}
                    """, """
                    nodeSelector: {b: "2"}
                    securityContext: {runAsUser: 1000}
                    """);
        }

        @Test
        void valueOfAnotherTypeReplaces() throws PatchException {
            assertSpec("nodeSelector: {a: b}\nhostname: x", "nodeSelector: [1]\nhostname: 7",
                    "nodeSelector: [1]\nhostname: 7");
        }

        @Test
        void replaceDirectiveReplacesAMap() throws PatchException {
            assertSpec("securityContext: {runAsUser: 1, fsGroup: 2}",
                    "securityContext: {$patch: replace, runAsGroup: 3}",
                    "securityContext: {runAsGroup: 3}");
        }

        @Test
        void deleteDirectiveEmptiesAMap() throws PatchException {
            assertSpec("securityContext: {runAsUser: 1}\nhostname: h", "securityContext: {$patch: delete}",
                    "securityContext: {}\nhostname: h");
        }

        @Test
        void directivesOnTheWholeDocument() throws PatchException {
            assertSpec("hostname: h\nsubdomain: s", "$patch: replace\nhostname: x", "hostname: x");
            assertSpec("hostname: h", "$patch: delete", "{}");
        }

        @Test
        void mergeDirectiveIsNotAPatchTypeForMaps() {
            assertSpecFails("securityContext: {runAsUser: 1}", "securityContext: {$patch: merge, runAsUser: 2}",
                    "unknown patch type: merge in map: map[$patch:merge runAsUser:2]");
            assertSpecFails("hostname: h", "$patch: 1", "unknown patch type: %!s(int64=1) in map: map[$patch:1]");
        }

        @Test
        void newSubtreesLoseTheirDirectivesAndNulls() throws PatchException {
            assertSpec("hostname: h", """
                    securityContext: {runAsUser: 1, fsGroup: null, seccompProfile: {$patch: delete, type: x}}
                    initContainers:
                    - name: a
                    - {name: b, $patch: delete}
                    """, """
                    hostname: h
                    securityContext: {runAsUser: 1}
                    initContainers: [{name: a}]
                    """);
        }

        @Test
        void directiveMapAsANewValueIsNotAdded() throws PatchException {
            assertSpec("hostname: h", "affinity: {$patch: replace, nodeAffinity: {}}", "hostname: h");
        }

        @Test
        void fieldNamesAreFoundCaseInsensitivelyInTheSchema() throws PatchException {
            assertSpec("Containers: [{name: a, image: x}]", "Containers: [{name: b, image: y}]",
                    "Containers: [{name: b, image: y}, {name: a, image: x}]");
        }

        @Test
        void neitherArgumentIsModified() throws PatchException {
            Map<String, Object> original = map("containers: [{name: a, env: [{name: X, value: '1'}]}]");
            Map<String, Object> patch = map("containers: [{name: a, env: [{name: X, $patch: delete}]}]");
            Map<String, Object> originalCopy = map("containers: [{name: a, env: [{name: X, value: '1'}]}]");
            Map<String, Object> patchCopy = map("containers: [{name: a, env: [{name: X, $patch: delete}]}]");
            StrategicMergePatch.apply(original, patch, PatchSchema.podSpec());
            assertThat(original).isEqualTo(originalCopy);
            assertThat(patch).isEqualTo(patchCopy);
        }

        @Test
        void nullDocumentsCountAsEmpty() throws PatchException {
            assertThat(StrategicMergePatch.apply(null, null, PatchSchema.podSpec())).isEmpty();
            assertThat(StrategicMergePatch.apply(null, map("hostname: h"), PatchSchema.podSpec()))
                    .isEqualTo(map("hostname: h"));
            assertThat(StrategicMergePatch.apply(map("hostname: h"), null, PatchSchema.podSpec()))
                    .isEqualTo(map("hostname: h"));
        }

        @Test
        void numbersAndKeysAreNormalizedLikeAJsonRoundTrip() throws PatchException {
            Map<Object, Object> port = new LinkedHashMap<>();
            port.put("containerPort", 8080);
            port.put("protocol", "TCP");
            Map<Object, Object> container = new LinkedHashMap<>();
            container.put("name", "c");
            container.put("ports", new ArrayList<>(List.of(port)));
            Map<Object, Object> original = Map.of("containers", List.of(container), "priority", 5.0);
            Map<String, Object> result = StrategicMergePatch.apply(original,
                    map("containers: [{name: c, ports: [{containerPort: 8080, name: http}]}]"), PatchSchema.podSpec());
            assertThat(result).isEqualTo(map("""
                    priority: 5
                    containers: [{name: c, ports: [{containerPort: 8080, protocol: TCP, name: http}]}]
                    """));
            assertThat(result.get("priority")).isEqualTo(5L);
        }
    }

    @Nested
    class ListsWithoutStrategy {

        @Test
        void areReplacedWhole() throws PatchException {
            assertSpec("""
                    containers:
                    - name: c
                      command: [a, b]
                      args: [x]
                      envFrom: [{configMapRef: {name: one}}]
                      resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]
                    tolerations: [{key: k1}, {key: k2}]
                    dnsConfig: {nameservers: [1.1.1.1], searches: [a]}
                    readinessGates: [{conditionType: a}]
                    """, """
                    containers:
                    - name: c
                      command: [z]
                      args: []
                      envFrom: [{secretRef: {name: two}}]
                      resizePolicy: [{resourceName: memory, restartPolicy: RestartContainer}]
                    tolerations: [{key: k3}]
                    dnsConfig: {nameservers: [8.8.8.8]}
                    readinessGates: [{conditionType: b}]
                    """, """
                    containers:
                    - name: c
                      command: [z]
                      args: []
                      envFrom: [{secretRef: {name: two}}]
                      resizePolicy: [{resourceName: memory, restartPolicy: RestartContainer}]
                    tolerations: [{key: k3}]
                    dnsConfig: {nameservers: [8.8.8.8], searches: [a]}
                    readinessGates: [{conditionType: b}]
                    """);
        }

        @Test
        void keepDirectiveElementsLiterally() throws PatchException {
            assertSpec("tolerations: [{key: a}]", "tolerations: [{key: a, $patch: delete}]",
                    "tolerations: [{key: a, $patch: delete}]");
        }
    }

    @Nested
    class MergingListsOfMaps {

        @Test
        void containersMergeByName() throws PatchException {
            assertSpec("""
                    containers:
                    - {name: a, image: a:1, command: [x]}
                    - {name: b, image: b:1}
                    """, """
                    containers:
                    - {name: b, image: b:2}
                    """, """
                    containers:
                    - {name: a, image: a:1, command: [x]}
                    - {name: b, image: b:2}
                    """);
        }

        @Test
        void newElementsComeBeforeTheOriginalOnlyOnes() throws PatchException {
            assertSpec("containers: [{name: a}, {name: b}]", "containers: [{name: c}]",
                    "containers: [{name: c}, {name: a}, {name: b}]");
            assertSpec("containers: [{name: a}, {name: b}]", "containers: [{name: b, image: x}, {name: c}]",
                    "containers: [{name: a}, {name: b, image: x}, {name: c}]");
            assertSpec("containers: [{name: a}, {name: b}, {name: c}]", "containers: [{name: d}, {name: a, image: x}]",
                    "containers: [{name: d}, {name: a, image: x}, {name: b}, {name: c}]");
        }

        @Test
        void patchOrderWinsOverOriginalOrderForPatchedElements() throws PatchException {
            // b precedes c in the original, so it is placed before the first patched element.
            assertSpec("containers: [{name: a}, {name: b}, {name: c}]",
                    "containers: [{name: c, image: x}, {name: a, image: z}]",
                    "containers: [{name: b}, {name: c, image: x}, {name: a, image: z}]");
            assertSpec("containers: [{name: a}, {name: b}, {name: c}]",
                    "containers: [{name: b, image: x}, {name: a, image: z}]",
                    "containers: [{name: b, image: x}, {name: a, image: z}, {name: c}]");
        }

        @Test
        void everyMergeKeyedListOfPodSpecAndContainer() throws PatchException {
            String patch = """
                    initContainers: [{name: i1, image: y}]
                    ephemeralContainers: [{name: e1, image: y}]
                    volumes: [{name: v1, emptyDir: {medium: Memory}}]
                    imagePullSecrets: [{name: s2}]
                    hostAliases: [{ip: 10.0.0.1, hostnames: [b]}]
                    topologySpreadConstraints: [{topologyKey: zone, maxSkew: 2}]
                    schedulingGates: [{name: g2}]
                    resourceClaims: [{name: r1, resourceClaimName: two}]
                    containers:
                    - name: c
                      ports: [{containerPort: 80, protocol: TCP}]
                      env: [{name: A, value: '2'}]
                      volumeMounts: [{name: v2, mountPath: /a}]
                      volumeDevices: [{name: d2, devicePath: /dev/a}]
                    """;
            // Elements with the same key are merged (so the patch's values win); new names are added.
            String expected = patch.replace("[{name: s2}]", "[{name: s2}, {name: s1}]")
                    .replace("[{name: g2}]", "[{name: g2}, {name: g1}]")
                    .replace("{containerPort: 80, protocol: TCP}", "{containerPort: 80, name: http, protocol: TCP}");
            assertSpec("""
                    initContainers: [{name: i1, image: x}]
                    ephemeralContainers: [{name: e1, image: x}]
                    volumes: [{name: v1, emptyDir: {}}]
                    imagePullSecrets: [{name: s1}]
                    hostAliases: [{ip: 10.0.0.1, hostnames: [a]}]
                    topologySpreadConstraints: [{topologyKey: zone, maxSkew: 1}]
                    schedulingGates: [{name: g1}]
                    resourceClaims: [{name: r1, resourceClaimName: one}]
                    containers:
                    - name: c
                      ports: [{containerPort: 80, name: http}]
                      env: [{name: A, value: '1'}]
                      volumeMounts: [{name: v1, mountPath: /a}]
                      volumeDevices: [{name: d1, devicePath: /dev/a}]
                    """, patch, expected);
        }

        @Test
        void mergeKeysCompareAsJsonValues() throws PatchException {
            // "80" is not 80: a port given as a string becomes a second element.
            assertSpec("containers: [{name: c, ports: [{containerPort: 80}]}]",
                    "containers: [{name: c, ports: [{containerPort: '80', name: x}]}]",
                    "containers: [{name: c, ports: [{containerPort: '80', name: x}, {containerPort: 80}]}]");
        }

        @Test
        void volumeSourcesAccumulateWithoutARetainKeysDirective() throws PatchException {
            assertSpec("volumes: [{name: data, persistentVolumeClaim: {claimName: pvc}}]",
                    "volumes: [{name: data, emptyDir: {}}]",
                    "volumes: [{name: data, persistentVolumeClaim: {claimName: pvc}, emptyDir: {}}]");
        }

        @Test
        void retainKeysDirectiveDropsUnlistedKeys() throws PatchException {
            assertSpec("volumes: [{name: data, persistentVolumeClaim: {claimName: pvc}}]",
                    "volumes: [{name: data, emptyDir: {}, $retainKeys: [name, emptyDir]}]",
                    "volumes: [{name: data, emptyDir: {}}]");
        }

        @Test
        void retainKeysDirectiveMustListEveryPatchedKey() {
            assertSpecFails("volumes: [{name: data}]", "volumes: [{name: data, emptyDir: {}, $retainKeys: [name]}]",
                    "invalid patch format of retainKeys");
            assertSpecFails("volumes: [{name: data}]", "volumes: [{name: data, $retainKeys: name}]",
                    "invalid patch format of retainKeys");
        }

        @Test
        void retainKeysIgnoresNullsAndParallelLists() throws PatchException {
            assertSpec("hostname: h\nsubdomain: s\nnodeName: n",
                    "$retainKeys: [hostname]\nsubdomain: null\n$setElementOrder/containers: []",
                    "hostname: h");
        }

        @Test
        void deleteDirectiveRemovesEveryElementWithTheKey() throws PatchException {
            assertSpec("containers: [{name: c, env: [{name: A}, {name: B}, {name: A, value: again}]}]",
                    "containers: [{name: c, env: [{name: A, $patch: delete}]}]",
                    "containers: [{name: c, env: [{name: B}]}]");
        }

        @Test
        void deleteDirectiveNeedsTheMergeKey() {
            assertSpecFails("containers: [{name: c}]", "containers: [{$patch: delete}]",
                    "map: map[$patch:delete] does not contain declared merge key: name");
        }

        @Test
        void replaceDirectiveReplacesTheList() throws PatchException {
            assertSpec("containers: [{name: a, image: x}, {name: b}]",
                    "containers: [{$patch: replace}, {name: c, image: y}]",
                    "containers: [{name: c, image: y}]");
            assertSpec("containers: [{name: a}]", "containers: [{name: b}, {$patch: replace}, {name: a, $patch: delete}]",
                    "containers: [{name: b}]");
        }

        @Test
        void mergeAndUnknownDirectivesInListsFail() {
            assertSpecFails("containers: [{name: a}]", "containers: [{$patch: merge}]",
                    "merging lists cannot yet be specified in the patch");
            assertSpecFails("containers: [{name: a}]", "containers: [{name: a, $patch: remove}]",
                    "unknown patch type: remove in map: map[$patch:remove name:a]");
        }

        @Test
        void elementsWithoutTheMergeKeyFail() {
            assertSpecFails("containers: [{name: c}]", "containers: [{image: busybox}]",
                    "map: map[image:busybox] does not contain declared merge key: name");
            assertSpecFails("containers: [{image: busybox}]", "containers: [{name: c}]",
                    "map: map[image:busybox] does not contain declared merge key: name");
            assertSpecFails("containers: [{name: c, volumeMounts: [{name: v, mountPath: /a}]}]",
                    "containers: [{name: c, volumeMounts: [{name: v}]}]",
                    "map: map[name:v] does not contain declared merge key: mountPath");
        }

        @Test
        void errorTextsLeaveOutSecrets() {
            assertSpecFails("containers: [{name: c}]", "containers: [{password: hunter2, image: " + "x".repeat(70) + "}]",
                    "map: map[image:<70 characters> password:<redacted>] does not contain declared merge key: name");
        }

        @Test
        void mixedElementTypesFail() {
            assertSpecFails("containers: [{name: a}]", "containers: [b]",
                    "list element types are not identical: [[map[name:a]] [b]]");
            assertSpecFails("imagePullSecrets: [[a]]", "imagePullSecrets: [[b]]", "lists of lists are not supported");
        }

        @Test
        void emptyListsStayAsTheyAre() throws PatchException {
            assertSpec("containers: [{name: a}]", "containers: []", "containers: [{name: a}]");
            assertSpec("containers: []", "containers: []", "containers: []");
        }
    }

    @Nested
    class SchemaLookups {

        @Test
        void unknownFieldsFailOnlyWhenBothSidesNeedTheSchema() throws PatchException {
            assertSpec("foo: x", "foo: {a: 1}", "foo: {a: 1}");
            assertSpecFails("foo: {a: 1}", "foo: {b: 2}",
                    "unable to find api field in struct PodSpec for the json field \"foo\"");
            assertSpecFails("containers: [{name: c, bar: [1]}]", "containers: [{name: c, bar: [2]}]",
                    "unable to find api field in struct Container for the json field \"bar\"");
        }

        @Test
        void mapsOfStringsHaveNoFields() {
            assertSpecFails("nodeSelector: {a: {x: 1}}", "nodeSelector: {a: {y: 2}}",
                    "merging an object in json but data type is not struct, instead is: map");
        }

        @Test
        void aListWhereTheTypeHasNoneFails() {
            assertSpecFails("restartPolicy: [a]", "restartPolicy: [b]",
                    "expected slice or array type, but got: struct");
            assertSpecFails("securityContext: {seLinuxOptions: {user: [a]}}",
                    "securityContext: {seLinuxOptions: {user: [b]}}", "expected slice or array type, but got: ptr");
        }

        @Test
        void pointerFieldsAreDereferenced() throws PatchException {
            assertSpec("securityContext: {supplementalGroups: [1, 2]}", "securityContext: {supplementalGroups: [3]}",
                    "securityContext: {supplementalGroups: [3]}");
            // A list where the type has a pointer to a scalar is simply replaced.
            assertSpec("securityContext: {runAsUser: [1]}", "securityContext: {runAsUser: [2]}",
                    "securityContext: {runAsUser: [2]}");
        }
    }

    @Nested
    class PrimitiveListsAndParallelDirectives {

        private Map<String, Object> pod(String original, String patch) throws PatchException {
            return StrategicMergePatch.apply(map(original), map(patch), PatchSchema.pod());
        }

        @Test
        void primitiveMergeListsAreUnioned() throws PatchException {
            assertThat(pod("metadata: {finalizers: [a, b]}", "metadata: {finalizers: [b, c]}"))
                    .isEqualTo(map("metadata: {finalizers: [a, b, c]}"));
            assertThat(pod("metadata: {finalizers: [a, b, c]}", "metadata: {finalizers: [c, a]}"))
                    .isEqualTo(map("metadata: {finalizers: [b, c, a]}"));
        }

        @Test
        void deleteFromPrimitiveList() throws PatchException {
            assertThat(pod("metadata: {finalizers: [a, b, c]}",
                    "metadata: {$deleteFromPrimitiveList/finalizers: [b, x]}"))
                    .isEqualTo(map("metadata: {finalizers: [a, c]}"));
            assertThat(pod("metadata: {finalizers: [a, b]}",
                    "metadata: {$deleteFromPrimitiveList/finalizers: [a], finalizers: [c]}"))
                    .isEqualTo(map("metadata: {finalizers: [c, b]}"));
            assertThat(pod("metadata: {name: n}", "metadata: {$deleteFromPrimitiveList/finalizers: [a]}"))
                    .isEqualTo(map("metadata: {name: n}"));
        }

        @Test
        void malformedParallelListKeysFail() {
            assertThatThrownBy(() -> pod("metadata: {finalizers: [a]}", "metadata: {$deleteFromPrimitiveList: [a]}"))
                    .hasMessage("invalid patch format of primitive list");
            assertThatThrownBy(() -> spec("containers: [{name: a}]", "$setElementOrderX/containers: [{name: a}]"))
                    .hasMessage("invalid patch format of setElementOrder list");
        }

        @Test
        void setElementOrderReordersAMergingList() throws PatchException {
            assertSpec("containers: [{name: a}, {name: b}, {name: c}]", """
                    $setElementOrder/containers: [{name: c}, {name: a}, {name: b}]
                    containers: [{name: a, image: x}]
                    """, "containers: [{name: c}, {name: a, image: x}, {name: b}]");
        }

        @Test
        void setElementOrderWithoutPatchListOrdersTheOriginal() throws PatchException {
            assertSpec("containers: [{name: a}, {name: b}]", "$setElementOrder/containers: [{name: b}, {name: a}]",
                    "containers: [{name: b}, {name: a}]");
            assertThat(pod("metadata: {finalizers: [f1, f2, f3]}",
                    "metadata: {$setElementOrder/finalizers: [f3, f1]}"))
                    .isEqualTo(map("metadata: {finalizers: [f2, f3, f1]}"));
        }

        @Test
        void setElementOrderForANewList() throws PatchException {
            assertSpec("hostname: h", """
                    $setElementOrder/containers: [{name: b}, {name: a}]
                    containers: [{name: b}, {name: c, $patch: delete}, {name: a}]
                    """, "hostname: h\ncontainers: [{name: b}, {name: a}]");
        }

        @Test
        void emptySetElementOrderSortsNewElementsFirstLikeGo() throws PatchException {
            // apimachinery sorts with "missing from the order list" counting as less than anything; Go's stable sort
            // then moves the new element a to the front (checked against apimachinery itself).
            assertSpec("containers: [{name: c}, {name: d}]", """
                    $setElementOrder/containers: []
                    containers: [{name: d, image: x}, {name: a}]
                    """, "containers: [{name: a}, {name: c}, {name: d, image: x}]");
        }

        @Test
        void setElementOrderMustCoverThePatch() {
            assertSpecFails("containers: [{name: a}]", """
                    $setElementOrder/containers: [{name: a}]
                    containers: [{name: b}]
                    """, "The order in patch list:\n[map[name:b]]\n doesn't match $setElementOrder list:\n"
                    + "[map[name:a]]\n");
            assertSpecFails("containers: [{name: a}]", "$setElementOrder/containers: {name: a}",
                    "expected a []interface {}, but received a map[string]interface {}");
        }
    }

    @Nested
    class PodManifests {

        @Test
        void podFragmentMergesMetadataAndSpec() throws PatchException {
            Map<String, Object> pod = PodOverrides.patchPod(map("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      generateName: kanister-job-
                      labels: {createdBy: kanister}
                      annotations: {a: "1"}
                    spec:
                      containers: [{name: container, image: tools}]
                      restartPolicy: Never
                    """), map("""
                    kind: Pod
                    metadata:
                      labels: {team: data}
                      annotations: {b: "2"}
                    spec:
                      containers: [{name: container, resources: {limits: {memory: 1Gi}}}]
                      priorityClassName: low
                    """));
            assertThat(pod).isEqualTo(map("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      generateName: kanister-job-
                      labels: {createdBy: kanister, team: data}
                      annotations: {a: "1", b: "2"}
                    spec:
                      containers: [{name: container, image: tools, resources: {limits: {memory: 1Gi}}}]
                      restartPolicy: Never
                      priorityClassName: low
                    """));
        }
    }
}
