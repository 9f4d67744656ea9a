package io.kanisterhooks.golang.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How Go prints JSON-shaped values and names their types, checked against values produced by Go itself. */
class UntypedValuesTest {

    @Test
    void valuesPrintLikeFmtV() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "x");
        m.put("b", List.of(1L, 2.5, true));
        m.put("a", null);
        m.put("c", Map.of("z", 1e6));
        assertThat(UntypedValues.format(m)).isEqualTo("map[a:<nil> b:[1 2.5 true] c:map[z:1e+06] name:x]");
        assertThat(UntypedValues.format(List.of())).isEqualTo("[]");
        assertThat(UntypedValues.format(Map.of())).isEqualTo("map[]");
    }

    @Test
    void typeNamesAreGoTypes() {
        assertThat(UntypedValues.typeName(Map.of())).isEqualTo("map[string]interface {}");
        assertThat(UntypedValues.typeName(List.of())).isEqualTo("[]interface {}");
        assertThat(UntypedValues.typeName(1L)).isEqualTo("int64");
        assertThat(UntypedValues.typeName(1.5)).isEqualTo("float64");
        assertThat(UntypedValues.typeName("s")).isEqualTo("string");
        assertThat(UntypedValues.typeName(true)).isEqualTo("bool");
        assertThat(UntypedValues.kindName(List.of())).isEqualTo("slice");
    }
}
