package io.kanisterhooks.golang.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.golang.value.GoComplex;
import io.kanisterhooks.golang.value.GoInt;
import io.kanisterhooks.golang.value.GoMap;
import io.kanisterhooks.golang.value.GoSlice;
import io.kanisterhooks.golang.value.GoStruct;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.SliceHeader;
import io.kanisterhooks.golang.value.Values;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoJsonTest {
    @Test
    void mapsSortKeysAndStringsEscapeLikeGo() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 2L);
        m.put("a", List.of("x", 1.5));
        m.put("", null);
        assertThat(GoJson.marshal(m)).isEqualTo("{\"\":null,\"a\":[\"x\",1.5],\"b\":2}");
        assertThat(GoJson.marshal("\u0000\u001f\b\f\n\r\t\"\\<>&\u2028\u2029\u007f \u00e9 \uD83D\uDE00"))
                .isEqualTo("\"\\u0000\\u001f\\b\\f\\n\\r\\t\\\"\\\\\\u003c\\u003e\\u0026\\u2028\\u2029\u007f \u00e9 "
                        + "\uD83D\uDE00\"");
        assertThat(GoJson.marshal("\uD800x")).isEqualTo("\"\\ufffdx\"");
    }

    @Test
    void floatsUseEncodingJsonFormat() {
        assertThat(GoJson.marshal(List.of(1.0, 1e21, 0.000001, 1e-7, 1e20, 1000000.0, -0.0, 12345678901.0)))
                .isEqualTo("[1,1e+21,0.000001,1e-7,100000000000000000000,1000000,-0,12345678901]");
        assertThatThrownBy(() -> GoJson.marshal(Double.NaN)).isInstanceOf(GoError.class)
                .hasMessage("json: unsupported value: NaN");
        assertThatThrownBy(() -> GoJson.marshal(new GoComplex(1, 1))).hasMessage(
                "json: unsupported type: complex128");
    }

    @Test
    void bytesAreBase64AndNilsAreNull() {
        assertThat(GoJson.marshal("root".getBytes(StandardCharsets.UTF_8))).isEqualTo("\"cm9vdA==\"");
        assertThat(GoJson.marshal(GoSlice.nil(GoType.BYTES))).isEqualTo("null");
        assertThat(GoJson.marshal(GoMap.nil(GoType.MAP_OF_STRING))).isEqualTo("null");
        assertThat(GoJson.marshal(GoSlice.of(GoType.SLICE_OF_INT, List.of(GoInt.ofInt(1))))).isEqualTo("[1]");
        assertThat(GoJson.marshal(GoInt.ofType(GoType.UINT64, -1L))).isEqualTo("18446744073709551615");
    }

    @Test
    void marshalJsonMethodsAreUsedAndEscaped() {
        GoType time = GoType.struct("gojsontest.Time").build();
        time.defineMethod("MarshalJSON", "func() ([]uint8, error)",
                (r, a) -> " \"2024-03-05T00:00:00Z<\" ".getBytes(StandardCharsets.UTF_8));
        GoType holder = GoType.struct("gojsontest.Holder").field("T", time, "t").build();
        assertThat(GoJson.marshal(GoStruct.zero(holder))).isEqualTo("{\"t\":\"2024-03-05T00:00:00Z\\u003c\"}");
        GoType failing = GoType.struct("gojsontest.Failing").build();
        failing.defineMethod("MarshalJSON", "func() ([]uint8, error)", (r, a) -> {
            throw new GoError("nope");
        });
        assertThatThrownBy(() -> GoJson.marshal(GoStruct.zero(failing)))
                .hasMessage("json: error calling MarshalJSON for type gojsontest.Failing: nope");
    }

    @Test
    void indentationMatchesMarshalIndent() {
        Object v = GoJson.decode("{\"c\":[1,{\"x\":null}],\"a\":[],\"b\":{}}", GoJson.NumberMode.INT64);
        assertThat(GoJson.marshalIndent(v, "", "  ")).isEqualTo(
                "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    {\n      \"x\": null\n    }\n  ]\n}");
        assertThat(GoJson.marshalIndent("a:b", ">", "\t")).isEqualTo("\"a:b\"");
    }

    @Test
    void decodingTypesNumbersTheKubernetesWayOrThePlainWay() {
        Object k8s = GoJson.decode("[3, 3.0, 1e3, 12345678901234567890, -0]", GoJson.NumberMode.INT64);
        assertThat(Values.elements(k8s)).containsExactly(3L, 3.0, 1000.0, 1.2345678901234567e19, 0L);
        Object plain = GoJson.decode("[3, 12345678901]", GoJson.NumberMode.FLOAT64);
        assertThat(Values.elements(plain)).containsExactly(3.0, 12345678901.0);
        Object s = GoJson.decode("\"a\\u00e9\\ud83d\\ude00\\ud800\"", GoJson.NumberMode.INT64);
        assertThat(s).isEqualTo("a\u00e9\uD83D\uDE00\uFFFD");
        assertThatThrownBy(() -> GoJson.decode("{\"a\":}", GoJson.NumberMode.INT64))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GoJson.decode("[1] x", GoJson.NumberMode.INT64))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodedArraysHaveGosAppendCapacity() {
        assertThat(Values.cap(GoJson.decode("[1,2,3]", GoJson.NumberMode.INT64))).isEqualTo(4);
        assertThat(Values.cap(GoJson.decode("[]", GoJson.NumberMode.INT64))).isZero();
        assertThat(SliceHeader.appendCapacity(5)).isEqualTo(8);
        assertThat(SliceHeader.appendCapacity(257)).isEqualTo(512);
        assertThat(SliceHeader.appendCapacity(513)).isEqualTo(848);
    }
}
