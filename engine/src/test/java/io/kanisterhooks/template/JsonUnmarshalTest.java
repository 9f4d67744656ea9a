package io.kanisterhooks.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.golang.encoding.GoBase64;
import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.golang.json.GoJson;
import io.kanisterhooks.golang.value.GoType;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link GoJson#unmarshal} into the {@link TypedFixture} types, compared with Go 1.19's {@code json.Unmarshal}
 * into the same Go types: the value re-marshalled, or the error text.
 */
class JsonUnmarshalTest {
    static Stream<Arguments> goResults() {
        return Stream.of(
                Arguments.of(TypedFixture.SECRET, "{\"kind\":\"Secret\",\"metadata\":{\"name\":\"x\",\"NAMESPACE\":\"ns\","
                        + "\"labels\":{\"a\":\"b\"}},\"data\":{\"k\":\"cm9vdA==\"},\"type\":\"Opaque\",\"immutable\":true,"
                        + "\"unknown\":[1,{\"a\":2}]}",
                        "{\"kind\":\"Secret\",\"metadata\":{\"name\":\"x\",\"namespace\":\"ns\",\"labels\":{\"a\":\"b\"}},"
                                + "\"immutable\":true,\"data\":{\"k\":\"cm9vdA==\"},\"type\":\"Opaque\"}"),
                Arguments.of(TypedFixture.SECRET, "{\"data\":{\"k\":5}}",
                        "ERR json: cannot unmarshal number into Go struct field Secret.data of type []uint8"),
                Arguments.of(TypedFixture.SECRET, "{\"metadata\":{\"name\":5}}",
                        "ERR json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string"),
                Arguments.of(TypedFixture.TAGGED, "{\"a\":\"x\",\"b\":3,\"d\":\"2.5\",\"e\":true,\"f\":[1,2],\"G\":{\"z\":7},"
                        + "\"inner\":{\"x\":1,\"Y\":2},\"C\":\"c\",\"h\":\"h\"}",
                        "{\"a\":\"x\",\"b\":3,\"d\":\"2.5\",\"e\":true,\"f\":[1,2],\"G\":{\"z\":7},\"inner\":{\"X\":1,\"Y\":2}}"),
                Arguments.of(TypedFixture.TAGGED, "{\"b\":1.5}",
                        "ERR json: cannot unmarshal number 1.5 into Go struct field Tagged.b of type int"),
                Arguments.of(TypedFixture.TAGGED, "{\"b\":null,\"f\":null,\"e\":null}",
                        "{\"a\":\"\",\"d\":\"0\",\"e\":null,\"f\":null,\"G\":null,\"inner\":{\"X\":0,\"Y\":0}}"),
                Arguments.of(TypedFixture.TEMPLATE_PARAMS, "{\"StatefulSet\":{\"Name\":\"n\",\"Pods\":[\"a\"],"
                        + "\"Containers\":[[\"c\"]],\"PersistentVolumeClaims\":{\"p\":{\"v\":\"/m\"}}},\"Options\":{\"a\":\"b\"},"
                        + "\"Object\":{\"n\":3,\"f\":1.5,\"l\":[1]},\"N\":3,\"U\":255,\"I\":-1,\"Any\":{\"x\":[1]},"
                        + "\"Bytes\":\"aGk=\",\"Strs\":[\"q\"],\"Phases\":{\"p\":{\"Output\":{\"o\":1}},\"q\":null}}",
                        "{\"StatefulSet\":{\"Name\":\"n\",\"Namespace\":\"\",\"Pods\":[\"a\"],\"Containers\":[[\"c\"]],"
                                + "\"PersistentVolumeClaims\":{\"p\":{\"v\":\"/m\"}}},\"Deployment\":null,"
                                + "\"Options\":{\"a\":\"b\"},\"NilOptions\":null,\"Object\":{\"f\":1.5,\"l\":[1],\"n\":3},"
                                + "\"Secrets\":null,\"Cred\":{\"Type\":\"\",\"KeyPair\":null},\"N\":3,\"U\":255,\"I\":-1,"
                                + "\"Any\":{\"x\":[1]},\"NilAny\":null,\"V\":null,\"NilV\":null,\"Tagged\":{\"a\":\"\","
                                + "\"d\":\"0\",\"e\":null,\"f\":null,\"G\":null,\"inner\":{\"X\":0,\"Y\":0}},"
                                + "\"Bytes\":\"aGk=\",\"NilBytes\":null,\"Strs\":[\"q\"],\"NilStrs\":null,"
                                + "\"Phases\":{\"p\":{\"Output\":{\"o\":1}},\"q\":null}}"),
                Arguments.of(TypedFixture.TEMPLATE_PARAMS, "{\"U\":256}",
                        "ERR json: cannot unmarshal number 256 into Go struct field TemplateParams.U of type uint8"),
                Arguments.of(TypedFixture.TEMPLATE_PARAMS, "{\"N\":\"3\"}",
                        "ERR json: cannot unmarshal string into Go struct field TemplateParams.N of type int32"),
                Arguments.of(TypedFixture.TEMPLATE_PARAMS, "{\"Bytes\":\"!!\"}",
                        "ERR illegal base64 data at input byte 0"),
                Arguments.of(TypedFixture.TEMPLATE_PARAMS, "[1,2]",
                        "ERR json: cannot unmarshal array into Go value of type fixture.TemplateParams"),
                Arguments.of(TypedFixture.SECRET, "{\"stringdata\":{\"a\":\"b\"},\"TYPE\":\"t\"}",
                        "{\"metadata\":{},\"stringData\":{\"a\":\"b\"},\"type\":\"t\"}"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("goResults")
    void unmarshalsLikeGo(GoType type, String json, String expected) {
        String actual;
        try {
            actual = GoJson.marshal(GoJson.unmarshal(json, type, GoJson.NumberMode.INT64));
        } catch (GoError e) {
            actual = "ERR " + e.getMessage();
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void decodedStructsRenderInTemplates() {
        Object secret = GoJson.unmarshal("{\"metadata\":{\"name\":\"s\"},\"data\":{\"k\":\"cm9vdA==\"}}",
                TypedFixture.SECRET, GoJson.NumberMode.INT64);
        assertThat(Rendering.render("{{.Name}} {{.Data.k}} {{printf \"%s\" .Data.k}}", secret, MissingKey.ERROR))
                .isEqualTo("s [114 111 111 116] root");
    }

    @Test
    void base64ErrorsReportGosOffsets() {
        assertThat(GoBase64.decodeStd("aGVsbG8gd29ybGQ=")).isEqualTo("hello world".getBytes(StandardCharsets.UTF_8));
        assertThat(GoBase64.decodeStd("aGk\n=")).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
        for (String[] bad : new String[][] {{"abc", "0"}, {"a!cd", "1"}, {"ab=d", "2"}, {"abcd=", "4"},
            {"a===", "1"}, {"ab=", "3"}, {"abcde", "4"}, {"=", "0"}, {"ab==x", "4"}}) {
            assertThat(catching(() -> GoBase64.decodeStd(bad[0])))
                    .isEqualTo("illegal base64 data at input byte " + bad[1]);
        }
    }

    private static String catching(Runnable r) {
        try {
            r.run();
            return "no error";
        } catch (GoError e) {
            return e.getMessage();
        }
    }
}
