package io.kanisterhooks.template.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.golang.value.GoInt;
import io.kanisterhooks.golang.value.GoSlice;
import io.kanisterhooks.golang.value.GoType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoCompareTest {
    @Test
    void integersOfAllKindsCompare() {
        assertThat(GoCompare.eq(3L, GoInt.ofInt(3))).isTrue();
        assertThat(GoCompare.eq(GoInt.ofUint8(200), 200L)).isTrue();
        assertThat(GoCompare.eq(GoInt.ofUint8(255), -1L)).isFalse();
        assertThat(GoCompare.lt(-1L, GoInt.ofUint8(0))).isTrue();
        assertThat(GoCompare.lt(GoInt.ofType(GoType.UINT64, -1L), 5L)).isFalse();
        assertThat(GoCompare.gt(GoInt.ofType(GoType.UINT64, -1L), GoInt.ofType(GoType.UINT64, 1L))).isTrue();
    }

    @Test
    void eqIsAnyOf() {
        assertThat(GoCompare.eq("b", "a", "b")).isTrue();
        assertThat(GoCompare.eq(null, (Object[]) null)).isTrue();
        assertThat(GoCompare.eq("a", (Object) null)).isFalse();
        assertThat(GoCompare.eq(GoSlice.nil(GoType.SLICE_OF_STRING), (Object) null)).isTrue();
    }

    @Test
    void mismatchesFailWithGoTexts() {
        assertThatThrownBy(() -> GoCompare.eq(1L, 1.0)).isInstanceOf(GoError.class)
                .hasMessage("incompatible types for comparison");
        assertThatThrownBy(() -> GoCompare.lt("a", 1L)).hasMessage("incompatible types for comparison");
        assertThatThrownBy(() -> GoCompare.lt(true, false)).hasMessage("invalid type for comparison");
        assertThatThrownBy(() -> GoCompare.lt(null, 1L)).hasMessage("invalid type for comparison");
        assertThatThrownBy(() -> GoCompare.eq(1L)).hasMessage("missing argument for comparison");
        assertThatThrownBy(() -> GoCompare.eq(List.of("a"), List.of("a")))
                .hasMessage("non-comparable type [a]: []interface {}");
        assertThatThrownBy(() -> GoCompare.eq(Map.of("a", 1L), Map.of("a", 1L)))
                .hasMessage("non-comparable type map[a:%!s(int64=1)]: map[string]interface {}");
        assertThatThrownBy(() -> GoCompare.eq(List.of("a"), Map.of()))
                .hasMessage("non-comparable types [a]: []interface {}, map[string]interface {}: map[]");
    }

    @Test
    void orderingOperators() {
        assertThat(GoCompare.le(2L, 2L)).isTrue();
        assertThat(GoCompare.ge(2.5, 3.5)).isFalse();
        assertThat(GoCompare.ne("a", "b")).isTrue();
        assertThat(GoCompare.lt("B", "a")).isTrue();
    }
}
