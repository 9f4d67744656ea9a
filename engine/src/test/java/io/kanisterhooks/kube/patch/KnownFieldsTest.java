package io.kanisterhooks.kube.patch;

import static io.kanisterhooks.kube.patch.YamlMaps.map;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnownFieldsTest {

    @Test
    void dropsWhatPodSpecDoesNotHaveAndFixesSpelling() {
        KnownFields.Result result = KnownFields.prune(map("""
                NodeSelector: {a: b}
                hostname: null
                containers:
                - name: c
                  imagePolicy: Always
                  resources: {limits: {cpu: 100m}}
                  ports: [{containerPort: 80, $patch: delete}]
                tolerations: [{key: k, $patch: delete}]
                volumes: [{name: v, emptyDir: {sizeLimit: 1Gi}, bogus: 1}]
                """), PatchSchema.podSpec());
        assertThat(result.value()).isEqualTo(map("""
                nodeSelector: {a: b}
                containers:
                - name: c
                  resources: {limits: {cpu: 100m}}
                  ports: [{containerPort: 80}]
                tolerations: [{key: k}]
                volumes: [{name: v, emptyDir: {sizeLimit: 1Gi}}]
                """));
        assertThat(result.dropped()).containsExactly("containers[0].imagePolicy", "containers[0].ports[0].$patch",
                "tolerations[0].$patch", "volumes[0].bogus");
    }

    @Test
    void podManifestsKeepMetadataMaps() {
        KnownFields.Result result = KnownFields.prune(map("""
                kind: Pod
                metadata: {labels: {Any-Key: v}, annotations: {x: y}, unknown: 1}
                spec: {restartPolicy: Never}
                """), PatchSchema.pod());
        assertThat(result.value()).isEqualTo(map("""
                kind: Pod
                metadata: {labels: {Any-Key: v}, annotations: {x: y}}
                spec: {restartPolicy: Never}
                """));
        assertThat(result.dropped()).containsExactly("metadata.unknown");
    }
}
