package io.kanisterhooks.functions.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanisterhooks.kube.patch.YamlMaps;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every weak conversion checked against what mapstructure v1.5.0 itself produced for the same input. */
class WeakDecodingVectorsTest {

    record ObjectReference(String apiVersion, String group, String resource, String kind, String name,
                           String namespace) {
    }

    record Condition(ObjectReference objectReference, String condition) {
    }

    record WaitConditions(List<Condition> anyOf, List<Condition> allOf) {
    }

    private static final Map<String, ArgType<?>> TYPES = Map.of(
            "string", ArgType.STRING, "int", ArgType.INT, "int32", ArgType.INT32, "bool", ArgType.BOOL,
            "[]string", ArgType.STRING_LIST, "map[string]string", ArgType.STRING_MAP,
            "map[string]interface {}", ArgType.OBJECT_MAP, "ObjectReference", ArgType.record(ObjectReference.class),
            "WaitConditions", ArgType.record(WaitConditions.class), "duration", ArgType.DURATION);

    record Vector(String type, String input, boolean ok, String result) {
        @Override
        public String toString() {
            return type + " " + input;
        }
    }

    static Stream<Vector> vectors() throws IOException {
        List<Vector> out = new ArrayList<>();
        try (InputStream in = WeakDecodingVectorsTest.class.getResourceAsStream("mapstructure-vectors.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    String[] f = line.split("\t", 4);
                    out.add(new Vector(f[0], f[1], f[2].equals("OK"), f[3]));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void decodesLikeMapstructure(Vector v) throws DecodeFailure {
        ArgType<?> type = TYPES.get(v.type());
        Object input = YamlMaps.value(v.input());
        if (v.ok()) {
            Object expected = YamlMaps.value(v.result());
            assertThat(comparable(type.decodeOrZero(input, ""))).isEqualTo(comparable(expected));
        } else {
            // Go names struct fields by their Go identifiers; the components here use the JSON spelling.
            assertThatThrownBy(() -> type.decodeOrZero(input, ""))
                    .isInstanceOf(DecodeFailure.class)
                    .satisfies(e -> assertThat(describe(((DecodeFailure) e).problems()))
                            .isEqualToIgnoringCase(goMessage(v.result())));
        }
    }

    /** mapstructure's multi-error on one line, as {@link Args} words it. */
    private static String describe(List<String> problems) {
        List<String> sorted = problems.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        return sorted.size() == 1 ? sorted.get(0) : sorted.size() + " error(s) decoding: " + String.join("; ", sorted);
    }

    private static String goMessage(String go) {
        String[] parts = go.split("\\\\n\\\\n", 2);
        if (parts.length == 1) {
            return go;
        }
        List<String> items = Arrays.stream(parts[1].split("\\\\n")).map(s -> s.substring(2))
                .sorted(String.CASE_INSENSITIVE_ORDER).toList();
        return items.size() == 1 ? items.get(0) : items.size() + " error(s) decoding: " + String.join("; ", items);
    }

    /** Records as maps of their components, integers as longs, durations as nanoseconds. */
    private static Object comparable(Object value) {
        if (value instanceof Record r) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    m.put(c.getName(), comparable(c.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return m;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(WeakDecodingVectorsTest::comparable).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> m = new LinkedHashMap<>();
            map.forEach((k, v) -> m.put(k, comparable(v)));
            return m;
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Duration d) {
            return d.toNanos();
        }
        return value;
    }
}
