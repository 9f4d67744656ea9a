package io.kanisterhooks.kube.patch;

import static io.kanisterhooks.kube.patch.YamlMaps.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatchSchemaTest {

    private static final PatchSchema WIDGET = PatchSchema.fromTypes("""
            struct Widget
              tags []string merge
              parts []Part merge id
              labels map[string]string
              settings Settings replace
              odd []Part merge,replace,retainKeys id
              keyless []Part merge
            struct Part
              id int64
              size string
            struct Settings
              a string
              b string
            """, "Widget");

    @Test
    void podSpecKnowsTheMergeKeysOfCoreV1() throws PatchException {
        PatchSchema spec = PatchSchema.podSpec();
        assertThat(spec.lookupForSlice("containers").mergeKey()).isEqualTo("name");
        assertThat(spec.lookupForSlice("volumes").strategies()).containsExactly("merge", "retainKeys");
        assertThat(spec.lookupForSlice("volumes").strategy()).isEqualTo("merge");
        assertThat(spec.lookupForSlice("tolerations").strategy()).isEmpty();
        assertThat(spec.lookupForSlice("hostAliases").mergeKey()).isEqualTo("ip");
        assertThat(spec.lookupForSlice("topologySpreadConstraints").mergeKey()).isEqualTo("topologyKey");
        PatchSchema container = spec.lookupForSlice("ephemeralContainers").schema();
        assertThat(container.lookupForSlice("volumeDevices").mergeKey()).isEqualTo("devicePath");
        assertThat(container.lookupForSlice("ports").mergeKey()).isEqualTo("containerPort");
        assertThat(container.lookupForSlice("resizePolicy").strategy()).isEmpty();
        PatchSchema meta = PatchSchema.pod().lookupForStruct("metadata").schema();
        assertThat(meta.lookupForSlice("finalizers").strategy()).isEqualTo("merge");
        assertThat(meta.lookupForSlice("ownerReferences").mergeKey()).isEqualTo("uid");
    }

    @Test
    void customTypesMergeByTheirOwnTags() throws PatchException {
        Map<String, Object> result = StrategicMergePatch.apply(map("""
                tags: [a, b]
                parts: [{id: 1, size: s}, {id: 2, size: m}]
                labels: {x: "1"}
                settings: {a: "1", b: "2"}
                """), map("""
                tags: [c]
                parts: [{id: 2, size: l}]
                labels: {k: "2"}
                settings: {b: "3"}
                """), WIDGET);
        assertThat(result).isEqualTo(map("""
                tags: [c, a, b]
                parts: [{id: 1, size: s}, {id: 2, size: l}]
                labels: {x: "1", k: "2"}
                settings: {b: "3"}
                """));
    }

    @Test
    void malformedTagsAndListsFail() {
        assertThatThrownBy(() -> StrategicMergePatch.apply(map("odd: [{id: 1}]"), map("odd: [{id: 1}]"), WIDGET))
                .hasMessage("unexpected patch strategy: [merge replace retainKeys]");
        assertThatThrownBy(() -> StrategicMergePatch.apply(map("keyless: [{id: 1}]"), map("keyless: [{id: 2}]"),
                WIDGET)).hasMessage("cannot merge lists without merge key for struct");
        assertThatThrownBy(() -> StrategicMergePatch.apply(map("tags: [a]"), map("tags: [1]"), WIDGET))
                .hasMessage("list element types are not identical: [[a] [1]]");
        assertThatThrownBy(() -> PatchSchema.fromTypes("struct A\n  x Unknown\n", "A"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown");
    }

    @Test
    void jsonValuesAreNormalizedLikeKubernetesDecodesThem() {
        assertThat(JsonValues.copy(3)).isEqualTo(3L);
        assertThat(JsonValues.copy(3.0)).isEqualTo(3L);
        assertThat(JsonValues.copy(3.5)).isEqualTo(3.5);
        assertThat(JsonValues.copy(1e21)).isEqualTo(1e21);
        assertThat(JsonValues.copy(new BigInteger("18446744073709551615"))).isEqualTo(1.8446744073709552E19);
        assertThat(JsonValues.copy(Map.of(1, List.of('c')))).isEqualTo(Map.of("1", List.of("c")));
        assertThatThrownBy(() -> JsonValues.copy(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonValues.copy(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
