package io.kanisterhooks.golang.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoTypeTest {
    private static final GoType INNER = GoType.struct("gotypetest.Inner").field("Name", GoType.STRING)
            .field("Shared", GoType.INT).build();
    private static final GoType OTHER = GoType.struct("gotypetest.Other").field("Shared", GoType.INT).build();
    private static final GoType OUTER = GoType.struct("gotypetest.Outer").embed("Inner", INNER, null)
            .embed("Other", GoType.pointerTo(OTHER), null).field("Own", GoType.STRING).build();

    @Test
    void namesAreWhatPercentTPrints() {
        assertThat(GoType.SLICE_OF_INTERFACE.name()).isEqualTo("[]interface {}");
        assertThat(GoType.MAP_OF_INTERFACE.name()).isEqualTo("map[string]interface {}");
        assertThat(GoType.BYTES.name()).isEqualTo("[]uint8");
        assertThat(GoType.pointerTo(INNER).name()).isEqualTo("*gotypetest.Inner");
        assertThat(GoType.mapOf(GoType.STRING, GoType.sliceOf(GoType.SLICE_OF_STRING)).name())
                .isEqualTo("map[string][][]string");
        assertThat(GoType.arrayOf(3, GoType.INT).name()).isEqualTo("[3]int");
        assertThat(GoType.pointerTo(INNER).kind().goName()).isEqualTo("ptr");
    }

    @Test
    void compositeTypesAreInterned() {
        assertThat(GoType.sliceOf(GoType.STRING)).isSameAs(GoType.SLICE_OF_STRING);
        assertThat(GoType.mapOf(GoType.STRING, GoType.STRING)).isSameAs(GoType.MAP_OF_STRING);
        assertThat(GoType.parse("map[string][]interface {}"))
                .isSameAs(GoType.mapOf(GoType.STRING, GoType.SLICE_OF_INTERFACE));
        assertThat(GoType.parse("*gotypetest.Inner")).isSameAs(GoType.pointerTo(INNER));
        assertThat(GoType.parse("[]byte")).isSameAs(GoType.BYTES);
    }

    @Test
    void parsingUnknownNamesFails() {
        assertThatThrownBy(() -> GoType.parse("nope.Type")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("undefined Go type nope.Type");
        assertThatThrownBy(() -> GoType.struct("gotypetest.Inner").build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void signaturesRoundTrip() {
        for (String s : new String[] {"func(int, string) string", "func(...interface {}) int64",
            "func(interface {}, ...interface {}) (interface {}, error)", "func() []string",
            "func(map[string]interface {}, ...map[string]interface {}) interface {}"}) {
            assertThat(Signature.parse(s)).hasToString(s);
        }
        Signature s = Signature.parse("func(string, ...int) (bool, error)");
        assertThat(s.variadic()).isTrue();
        assertThat(s.argType(3)).isSameAs(GoType.INT);
        assertThat(s.returnsError()).isTrue();
        assertThatThrownBy(() -> Signature.parse("func(int) (int, int)")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void assignabilityFollowsGo() {
        GoType named = GoType.named("gotypetest.Name", GoType.STRING);
        GoType namedSlice = GoType.named("gotypetest.Names", GoType.SLICE_OF_STRING);
        assertThat(GoType.STRING.assignableTo(GoType.INTERFACE)).isTrue();
        assertThat(named.assignableTo(GoType.STRING)).isFalse();
        assertThat(GoType.STRING.assignableTo(named)).isFalse();
        assertThat(GoType.SLICE_OF_STRING.assignableTo(namedSlice)).isTrue();
        assertThat(GoType.INT64.assignableTo(GoType.INT)).isFalse();
        assertThat(GoType.MAP_OF_STRING.assignableTo(GoType.MAP_OF_INTERFACE)).isFalse();
        assertThat(GoType.STRING.assignableTo(GoType.ERROR)).isFalse();
    }

    @Test
    void promotedFieldsFollowGoDepthRules() {
        assertThat(OUTER.fieldPath("Name")).containsExactly(0, 0);
        assertThat(OUTER.fieldPath("Own")).containsExactly(2);
        assertThat(OUTER.fieldPath("Shared")).isNull();
        assertThat(OUTER.fieldPath("Inner")).containsExactly(0);
        assertThat(OUTER.fieldAt(OUTER.fieldPath("Name")).type()).isSameAs(GoType.STRING);
    }

    @Test
    void methodsOfPointerTypesIncludeTheValueTypes() {
        GoType t = GoType.struct("gotypetest.WithMethods").build();
        t.defineMethod("Value", "func() string", (r, a) -> "v");
        GoType.pointerTo(t).defineMethod("Pointer", "func() string", (r, a) -> "p");
        assertThat(GoType.pointerTo(t).method("Value")).isNotNull();
        assertThat(t.method("Pointer")).isNotNull();
        assertThat(GoType.STRING.method("Value")).isNull();
        assertThat(GoType.pointerTo(t).hasMethods()).isTrue();
    }
}
