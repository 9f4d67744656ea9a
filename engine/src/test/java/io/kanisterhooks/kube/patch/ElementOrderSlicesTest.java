package io.kanisterhooks.kube.patch;

import io.kanisterhooks.golang.value.SliceHeader;
import static io.kanisterhooks.kube.patch.YamlMaps.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The merge-list orders that Go's shared slices decide ({@link ElementOrderCases}), and the slices themselves. */
class ElementOrderSlicesTest {

    static Map<String, Object> apply(ElementOrderCases.Case c) throws PatchException {
        if (c.document() == ElementOrderCases.Document.POD_SPEC) {
            return StrategicMergePatch.apply(map(c.original()), map(c.patch()), PatchSchema.podSpec());
        }
        Map<String, Object> pod = StrategicMergePatch.apply(Map.of("metadata", map(c.original())),
                Map.of("metadata", map(c.patch())), PatchSchema.pod());
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) pod.get("metadata");
        return metadata;
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("io.kanisterhooks.kube.patch.ElementOrderCases#CASES")
    void mergedListOrder(ElementOrderCases.Case c) throws PatchException {
        assertThat(c.order(apply(c))).isEqualTo(c.expected());
    }

    @Test
    void decodedSlicesHaveGoAppendCapacity() {
        // encoding/json decodes 3 elements into a slice of capacity 4, 4 into one of 4. With a spare place, an append
        // writes into the shared array; without, it leaves the original's array alone.
        SliceHeader three = SliceHeader.decoded(List.of("a", "b", "c"));
        three.appendAll(List.of("d")).set(0, "x");
        assertThat(three.toList()).containsExactly("x", "b", "c");
        SliceHeader four = SliceHeader.decoded(List.of("a", "b", "c", "d"));
        four.appendAll(List.of("e")).set(0, "x");
        assertThat(four.toList()).containsExactly("a", "b", "c", "d");
        SliceHeader empty = SliceHeader.decoded(List.of());
        assertThat(empty.append("a").toList()).containsExactly("a");
        assertThat(empty.len()).isZero();
    }

    @Test
    void removalShiftsInPlaceAndLeavesTheLastElementWhereItWas() {
        SliceHeader view = SliceHeader.decoded(List.of("a", "b", "c"));
        SliceHeader shorter = view.remove(0);
        assertThat(shorter.toList()).containsExactly("b", "c");
        assertThat(view.toList()).containsExactly("b", "c", "c");
        shorter.append("d");
        assertThat(view.toList()).containsExactly("b", "c", "d");
    }
}
