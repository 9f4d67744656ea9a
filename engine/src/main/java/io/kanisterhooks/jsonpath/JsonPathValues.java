package io.kanisterhooks.jsonpath;

import io.kanisterhooks.golang.fmt.GoFmt;
import io.kanisterhooks.golang.json.GoJson;
import io.kanisterhooks.golang.value.GoInt;
import io.kanisterhooks.golang.value.Values;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How JSONPath sees and prints values of the template value model (Go's fmt and encoding/json rules). */
final class JsonPathValues {

    /** Go's zero {@code reflect.Value}: prints as {@code <no value>}. */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "<invalid reflect.Value>";
        }
    };

    private JsonPathValues() {
    }

    /**
     * The children that {@code *} and {@code ..} visit: map values in sorted key order (Go's order is random), list
     * elements, and a string's bytes ({@code uint8}), which is what reflection yields for a Go string.
     */
    static List<Object> children(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new ArrayList<>(new TreeMap<>(map).values());
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        if (value instanceof String s) {
            List<Object> bytes = new ArrayList<>();
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                bytes.add(GoInt.ofUint8(b & 0xff));
            }
            return bytes;
        }
        return List.of();
    }

    /** Go's {@code %T}. */
    static String typeName(Object value) {
        return Values.typeName(value);
    }

    /** Go's {@code fmt.Sprint(v)}; a zero reflect.Value prints as fmt prints one. */
    static String print(Object value) {
        return value == NO_VALUE ? NO_VALUE.toString() : GoFmt.toString(value);
    }

    /** Go's {@code encoding/json.Marshal}. */
    static String marshal(Object value) {
        return GoJson.marshal(value);
    }

    /** Go's {@code %#v}. */
    static String goSyntax(Object value) {
        return GoFmt.sprintf("%#v", value);
    }

    /** Go's {@code %q} of a string. */
    static String quote(String s) {
        return GoFmt.sprintf("%q", s);
    }

    /** Go's {@code %#U} of a rune: {@code U+0021 '!'}, or {@code U+0009} for runes that do not print. */
    static String runeWithName(int rune) {
        return GoFmt.sprintf("%#U", GoInt.ofInt32(rune));
    }
}
