package io.kanisterhooks.jsonpath;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How JSONPath sees and prints Go values. TEMPORARY local formatting until the template core's GoFmt/GoJson are merged.
 */
final class JsonPathValues {

    /** Go's zero {@code reflect.Value}: prints as {@code <no value>}. */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "<invalid reflect.Value>";
        }
    };

    /** A byte of a string, which is what iterating over a Go string with reflection yields. */
    record Uint8(int value) {
    }

    private JsonPathValues() {
    }

    /** The children that {@code *} and {@code ..} visit; map values in sorted key order (Go's order is random). */
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
                bytes.add(new Uint8(b & 0xff));
            }
            return bytes;
        }
        return List.of();
    }

    static String typeName(Object value) {
        if (value instanceof Map) {
            return "map[string]interface {}";
        }
        if (value instanceof List) {
            return "[]interface {}";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Long) {
            return "int64";
        }
        if (value instanceof Double) {
            return "float64";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Uint8) {
            return "uint8";
        }
        return "interface {}";
    }

    /** Go's {@code fmt.Sprint(v)}. */
    static String print(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof Uint8 b) {
            return Integer.toString(b.value());
        }
        if (value instanceof Double d) {
            return formatFloat(d);
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("map[");
            String sep = "";
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                sb.append(sep).append(e.getKey()).append(':').append(print(e.getValue()));
                sep = " ";
            }
            return sb.append(']').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            String sep = "";
            for (Object o : list) {
                sb.append(sep).append(print(o));
                sep = " ";
            }
            return sb.append(']').toString();
        }
        return String.valueOf(value);
    }

    static String formatFloat(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
            return Long.toString((long) d);
        }
        return Double.toString(d).replace("E", "e+");
    }

    /** Go's {@code encoding/json.Marshal}. */
    static String marshal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            String sep = "";
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                sb.append(sep).append(marshal(e.getKey())).append(':').append(marshal(e.getValue()));
                sep = ",";
            }
            return sb.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            String sep = "";
            for (Object o : list) {
                sb.append(sep).append(marshal(o));
                sep = ",";
            }
            return sb.append(']').toString();
        }
        return print(value);
    }

    /** Go's {@code %#v}. */
    static String goSyntax(Object value) {
        return print(value);
    }

    /** Go's {@code %q} of a string. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
