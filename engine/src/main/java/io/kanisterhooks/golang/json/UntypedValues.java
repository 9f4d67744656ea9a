package io.kanisterhooks.golang.json;

import io.kanisterhooks.golang.fmt.GoFmt;
import io.kanisterhooks.golang.value.GoValue;
import io.kanisterhooks.golang.value.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON-shaped Java data (maps, lists, strings, booleans, any {@link Number}, null — what YAML and JSON libraries
 * produce) seen as the Go values {@code encoding/json} decodes into {@code interface {}}: the names Go's messages give
 * their types and kinds, and their {@code %v} text (printed by {@link GoFmt}).
 */
public final class UntypedValues {

    private UntypedValues() {
    }

    /**
     * The Go value in the template value model: map keys as strings, integers as int64, other numbers (and integers
     * beyond int64, which JSON decoding makes float64) as float64; values already in the model stay as they are.
     */
    public static Object of(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof GoValue) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.putIfAbsent(String.valueOf(k), of(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(of(v)));
            return out;
        }
        if (value instanceof Number n) {
            return isFloat(n) ? (Object) n.doubleValue() : (Object) n.longValue();
        }
        return String.valueOf(value);
    }

    /** fmt's {@code %v}: maps as {@code map[k:v ...]} with sorted keys, lists as {@code [a b]}, nil {@code <nil>}. */
    public static String format(Object value) {
        return GoFmt.toString(of(value));
    }

    /** fmt's {@code %s}: strings as they are, anything else flagged the way Go flags a bad verb. */
    public static String formatS(Object value) {
        return GoFmt.sprintf("%s", of(value));
    }

    /** {@code reflect.TypeOf(v).String()} for the Go value a JSON-shaped Java value stands for. */
    public static String typeName(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof Map || value instanceof List || value instanceof String || value instanceof Boolean
                || value instanceof Number || value instanceof GoValue) {
            return Values.typeOf(of(value)).name();
        }
        return value.getClass().getSimpleName();
    }

    /** Whether a Java number stands for a Go float64 (integers beyond int64 arrive as floats from JSON). */
    public static boolean isFloat(Number n) {
        return n instanceof Double || n instanceof Float || n instanceof BigDecimal
                || n instanceof BigInteger big && big.bitLength() > 63;
    }

    /** The reflect kind of the Go value ("map", "slice", "string", "int64", …), as mapstructure names it. */
    public static String kindName(Object value) {
        if (value instanceof Map) {
            return "map";
        }
        if (value instanceof List) {
            return "slice";
        }
        return value == null ? "invalid" : typeName(value);
    }

    /** How encoding/json names the kind of a JSON value in type errors: object, array, string, number, bool. */
    public static String jsonKindName(Object value) {
        if (value instanceof Map) {
            return "object";
        }
        if (value instanceof List) {
            return "array";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        return value instanceof Number ? "number" : value == null ? "null" : "string";
    }
}
