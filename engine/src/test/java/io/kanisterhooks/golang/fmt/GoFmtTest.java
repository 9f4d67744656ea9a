package io.kanisterhooks.golang.fmt;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.golang.json.GoJson;
import io.kanisterhooks.golang.strconv.GoQuote;
import io.kanisterhooks.golang.value.GoComplex;
import io.kanisterhooks.golang.value.GoInt;
import io.kanisterhooks.golang.value.GoSlice;
import io.kanisterhooks.golang.value.GoType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link GoFmt} against results of Go's {@code fmt.Sprintf}: {@code fmt-cases.json} holds 1700+ (format,
 * arguments, Go output) triples recorded with Go 1.19, arguments written as template operands ({@code .n} is
 * a key of the standard data, {@code 1} an int, {@code 1.5} a float64, {@code 'x'} a rune, {@code 1i} a
 * complex128).
 */
class GoFmtTest {
    private static Map<String, Object> data;

    @SuppressWarnings("unchecked")
    static Stream<Arguments> goSprintf() throws IOException {
        data = (Map<String, Object>) GoJson.decode(resource("/template/standard-data.json"), GoJson.NumberMode.INT64);
        List<Object> cases = (List<Object>) GoJson.decode(resource("/template/fmt-cases.json"),
                GoJson.NumberMode.INT64);
        List<Arguments> args = new ArrayList<>();
        for (Object c : cases) {
            List<Object> t = (List<Object>) c;
            args.add(Arguments.of(t.get(0), t.get(1), t.get(2)));
        }
        return args.stream();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GoFmtTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Object operand(String token) {
        if (token.startsWith(".")) {
            return data.get(token.substring(1));
        }
        if (token.startsWith("\"")) {
            return GoQuote.unquote(token);
        }
        if (token.startsWith("'")) {
            return GoInt.ofInt(GoQuote.unquoteChar(token.substring(1), '\'').rune());
        }
        switch (token) {
            case "nil":
                return null;
            case "true":
                return true;
            case "false":
                return false;
            case "1i":
                return new GoComplex(0, 1);
            case "2i":
                return new GoComplex(0, 2);
            case "1+2i":
                return new GoComplex(1, 2);
            case "-1-2.5i":
                return new GoComplex(-1, -2.5);
            case "18446744073709551615":
                return GoInt.ofType(GoType.UINT64, -1L);
            default:
                break;
        }
        if (token.startsWith("0x")) {
            return GoInt.ofInt(Long.parseLong(token.substring(2), 16));
        }
        if (token.contains(".") || token.contains("e")) {
            return Double.parseDouble(token);
        }
        return GoInt.ofInt(Long.parseLong(token));
    }

    @ParameterizedTest(name = "printf {0} {1}")
    @MethodSource("goSprintf")
    void sprintfMatchesGo(String format, List<Object> operands, String expected) {
        Object[] args = new Object[operands.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = operand((String) operands.get(i));
        }
        assertThat(GoFmt.sprintf(format, args)).isEqualTo(expected);
    }

    @Test
    void sprintAddsSpacesOnlyBetweenNonStrings() {
        assertThat(GoFmt.sprint("a", "b")).isEqualTo("ab");
        assertThat(GoFmt.sprint(GoInt.ofInt(1), GoInt.ofInt(2))).isEqualTo("1 2");
        assertThat(GoFmt.sprint("a", GoInt.ofInt(1), "b")).isEqualTo("a1b");
        assertThat(GoFmt.sprint(GoInt.ofInt(1), "a", GoInt.ofInt(2))).isEqualTo("1a2");
        assertThat(GoFmt.sprint(null, null)).isEqualTo("<nil> <nil>");
        assertThat(GoFmt.sprint()).isEmpty();
    }

    @Test
    void sprintlnSeparatesEverythingAndEndsTheLine() {
        assertThat(GoFmt.sprintln("a", "b")).isEqualTo("a b\n");
        assertThat(GoFmt.sprintln()).isEqualTo("\n");
    }

    @Test
    void valuesPrintAsGoPrintsThem() {
        assertThat(GoFmt.toString(List.of("a", 1L, 2.5))).isEqualTo("[a 1 2.5]");
        assertThat(GoFmt.toString(new byte[] {104, 105})).isEqualTo("[104 105]");
        assertThat(GoFmt.toString(GoSlice.nil(GoType.SLICE_OF_STRING))).isEqualTo("[]");
        assertThat(GoFmt.toString(1e21)).isEqualTo("1e+21");
        assertThat(GoFmt.toString(123456.0)).isEqualTo("123456");
        assertThat(GoFmt.toString(1000000.0)).isEqualTo("1e+06");
        assertThat(GoFmt.toString(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFmt.toString(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }
}
