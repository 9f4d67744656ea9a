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

    /** Go's {@code %v} of a float64: shortest digits, exponent form iff the decimal exponent is < -4 or >= 6. */
    static String formatFloat(double d) {
        return formatFloat(d, -4, 6, true);
    }

    /** encoding/json's float format: plain decimal unless |d| < 1e-6 or |d| >= 1e21, exponent without padding. */
    static String jsonFloat(double d) {
        return formatFloat(d, -7, 21, false);
    }

    private static String formatFloat(double d, int minExp, int maxExp, boolean padExponent) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        java.math.BigDecimal exact = new java.math.BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exp = digits.length() - exact.scale() - 1;
        String sign = d < 0 ? "-" : "";
        if (exp < minExp || exp >= maxExp) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = Integer.toString(Math.abs(exp));
            if (padExponent && e.length() < 2) {
                e = "0" + e;
            }
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + e;
        }
        return sign + exact.toPlainString();
    }

    /** Go's {@code encoding/json.Marshal}. */
    static String marshal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return jsonString(s);
        }
        if (value instanceof Double d) {
            return jsonFloat(d);
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            String sep = "";
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                sb.append(sep).append(jsonString((String) e.getKey())).append(':').append(marshal(e.getValue()));
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

    private static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Go's {@code %#v}. */
    static String goSyntax(Object value) {
        if (value == null) {
            return "interface {}(nil)";
        }
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("map[string]interface {}{");
            String sep = "";
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                sb.append(sep).append(quote((String) e.getKey())).append(':').append(goSyntax(e.getValue()));
                sep = ", ";
            }
            return sb.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[]interface {}{");
            String sep = "";
            for (Object o : list) {
                sb.append(sep).append(goSyntax(o));
                sep = ", ";
            }
            return sb.append('}').toString();
        }
        return print(value);
    }

    /** Go's {@code %q} of a string. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
