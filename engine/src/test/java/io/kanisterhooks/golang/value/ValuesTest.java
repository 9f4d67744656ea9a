package io.kanisterhooks.golang.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanisterhooks.golang.strings.GoStrings;
import io.kanisterhooks.template.builtin.Truth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {
    @Test
    void typeOfPlainJavaValues() {
        assertThat(Values.typeName(null)).isEqualTo("<nil>");
        assertThat(Values.typeOf("s")).isSameAs(GoType.STRING);
        assertThat(Values.typeOf(1L)).isSameAs(GoType.INT64);
        assertThat(Values.typeOf(1.5)).isSameAs(GoType.FLOAT64);
        assertThat(Values.typeOf(true)).isSameAs(GoType.BOOL);
        assertThat(Values.typeOf(new byte[0])).isSameAs(GoType.BYTES);
        assertThat(Values.typeOf(List.of())).isSameAs(GoType.SLICE_OF_INTERFACE);
        assertThat(Values.typeOf(Map.of())).isSameAs(GoType.MAP_OF_INTERFACE);
        assertThat(Values.typeOf(GoInt.ofInt(1))).isSameAs(GoType.INT);
        assertThatThrownBy(() -> Values.typeOf(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Integer");
    }

    @Test
    void oneRepresentationPerValue() {
        assertThatThrownBy(() -> GoSlice.of(GoType.SLICE_OF_INTERFACE, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoSlice.of(GoType.BYTES, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoMap.of(GoType.MAP_OF_INTERFACE, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(GoSlice.nil(GoType.SLICE_OF_INTERFACE).isNil()).isTrue();
    }

    @Test
    void zeroValuesByType() {
        assertThat(Values.zero(GoType.STRING)).isEqualTo("");
        assertThat(Values.zero(GoType.INT64)).isEqualTo(0L);
        assertThat(Values.zero(GoType.INT)).isEqualTo(GoInt.ofInt(0));
        assertThat(Values.zero(GoType.INTERFACE)).isNull();
        assertThat(Values.isNil(Values.zero(GoType.BYTES))).isTrue();
        assertThat(Values.isNil(Values.zero(GoType.MAP_OF_STRING))).isTrue();
        assertThat(Values.zero(GoType.named("valuestest.Kind", GoType.STRING))).hasToString("");
    }

    @Test
    void integerConversionsWrapLikeGo() {
        assertThat(GoInt.ofType(GoType.UINT8, 300)).hasToString("44");
        assertThat(GoInt.ofType(GoType.INT8, 200)).hasToString("-56");
        assertThat(GoInt.ofType(GoType.UINT64, -1)).hasToString("18446744073709551615");
        assertThat(GoInt.of(GoType.INT64, 5)).isEqualTo(5L);
        assertThat(GoInt.ofInt(1)).isNotEqualTo(GoInt.ofInt32(1));
    }

    @Test
    void lengthsAreGoLengths() {
        assertThat(Values.len("h\u00e9llo \u2713")).isEqualTo(10);
        assertThat(Values.len("\uD83D\uDE00")).isEqualTo(4);
        assertThat(Values.len(List.of(1L, 2L))).isEqualTo(2);
        assertThat(Values.len(1L)).isEqualTo(-1);
        assertThat(Values.cap(List.of(1L))).isEqualTo(1);
    }

    @Test
    void deepEqualIsReflectDeepEqual() {
        assertThat(Values.deepEqual(List.of("a", 1L), new ArrayList<>(List.of("a", 1L)))).isTrue();
        assertThat(Values.deepEqual(1L, GoInt.ofInt(1))).isFalse();
        assertThat(Values.deepEqual(Double.NaN, Double.NaN)).isFalse();
        assertThat(Values.deepEqual(GoSlice.nil(GoType.SLICE_OF_STRING), GoSlice.of(GoType.SLICE_OF_STRING, List.of())))
                .isFalse();
        assertThat(Values.deepEqual(Map.of("a", List.of(1L)), Map.of("a", List.of(1L)))).isTrue();
        assertThat(Values.deepEqual(new byte[] {1}, new byte[] {1})).isTrue();
        assertThat(Values.deepEqual(null, null)).isTrue();
    }

    @Test
    void truthIsTemplateTruth() {
        assertThat(Truth.isTrue(null)).isFalse();
        assertThat(Truth.isTrue("0")).isTrue();
        assertThat(Truth.isTrue(0L)).isFalse();
        assertThat(Truth.isTrue(0.0)).isFalse();
        assertThat(Truth.isTrue(new GoComplex(0, 0))).isFalse();
        assertThat(Truth.isTrue(List.of())).isFalse();
        assertThat(Truth.isTrue(GoPointer.nil(GoType.pointerTo(GoType.INT)))).isFalse();
        assertThat(Truth.isTrue(GoPointer.to(GoType.pointerTo(GoType.INT), GoInt.ofInt(0)))).isTrue();
        assertThat(Truth.isTrue(GoStruct.zero(GoType.struct("valuestest.Empty").build()))).isTrue();
    }

    @Test
    void stringOrderIsUtf8ByteOrder() {
        assertThat(GoStrings.compare("\uFFFF", "\uD83D\uDE00")).isNegative();
        assertThat(GoStrings.compare("B", "_1")).isNegative();
        assertThat(GoStrings.compare("_10", "_2")).isNegative();
    }
}
