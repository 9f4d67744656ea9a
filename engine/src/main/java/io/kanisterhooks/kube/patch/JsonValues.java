package io.kanisterhooks.kube.patch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep copies of JSON-shaped values in the form Kubernetes' JSON decoding gives them: maps with string keys, lists,
 * strings, booleans, and numbers as int64 ({@link Long}) when integral and in range, float64 ({@link Double})
 * otherwise — the shape both documents have inside apimachinery after their JSON round trip.
 */
public final class JsonValues {

    // Go's JSON encoder switches to exponent form from 1e21 on, and such text no longer parses as an integer.
    private static final double EXPONENT_FORM_LIMIT = 1e21;
    private static final BigInteger MIN_INT64 = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_INT64 = BigInteger.valueOf(Long.MAX_VALUE);

    private JsonValues() {
    }

    /** A mutable deep copy with normalized keys and numbers; rejects values JSON cannot carry. */
    public static Object copy(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return copyMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(copy(item));
            }
            return out;
        }
        if (value instanceof Number n) {
            return number(n);
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    /** {@link #copy} of a map; null stays null. */
    public static Map<String, Object> copyMap(Map<?, ?> map) {
        if (map == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.put(String.valueOf(e.getKey()), copy(e.getValue()));
        }
        return out;
    }

    private static Object number(Number n) {
        if (n instanceof Long) {
            return n;
        }
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        if (n instanceof BigInteger big) {
            return big.compareTo(MIN_INT64) >= 0 && big.compareTo(MAX_INT64) <= 0 ? (Object) big.longValue()
                    : (Object) big.doubleValue();
        }
        double d = n instanceof BigDecimal dec ? dec.doubleValue() : n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JSON cannot carry " + d);
        }
        // A whole float64 is written without a fraction, so it reads back as an int64 when it fits.
        if (d == Math.rint(d) && Math.abs(d) < EXPONENT_FORM_LIMIT && d >= Long.MIN_VALUE && d < 0x1p63) {
            return (long) d;
        }
        return d;
    }
}
