package io.kanisterhooks.functions.args;

import io.kanisterhooks.golang.json.UntypedValues;
import io.kanisterhooks.golang.strconv.FloatFormat;
import io.kanisterhooks.golang.strconv.GoStrconv;
import io.kanisterhooks.golang.time.GoDuration;
import io.kanisterhooks.golang.time.GoTimeException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Go type an argument is decoded into, with mapstructure v1.5's weak conversions ({@code WeakDecode}). Java values
 * stand for Go's: {@code null} for a nil slice or map; Long, Integer, Boolean and String for the scalars.
 *
 * @param <T> the Java type of decoded values
 */
public abstract class ArgType<T> {

    /** Go {@code string}: booleans become "1"/"0", numbers their decimal form. */
    public static final ArgType<String> STRING = new ArgType<>("string", "") {
        @Override
        String decode(Object value, String path) throws DecodeFailure {
            if (value instanceof String s) {
                return s;
            }
            if (value instanceof Boolean b) {
                return b ? "1" : "0";
            }
            if (value instanceof Number n && UntypedValues.isFloat(n)) {
                return FloatFormat.format64F(n.doubleValue());
            }
            if (value instanceof Number n) {
                return Long.toString(n.longValue());
            }
            throw unconvertible(path, value);
        }
    };

    /** Go {@code int} (64 bits). */
    public static final ArgType<Long> INT = new IntegerType("int");

    /** Go {@code int64}. */
    public static final ArgType<Long> INT64 = new IntegerType("int64");

    /** Go {@code int32}: numbers out of range wrap around as Go's conversion does; strings out of range fail. */
    public static final ArgType<Integer> INT32 = new ArgType<>("int32", 0) {
        @Override
        Integer decode(Object value, String path) throws DecodeFailure {
            return (int) IntegerType.toInt64(value, path, goType(), 32);
        }
    };

    /** Go {@code bool}: numbers are true unless zero, strings go through {@code strconv.ParseBool} ("" is false). */
    public static final ArgType<Boolean> BOOL = new ArgType<>("bool", false) {
        @Override
        Boolean decode(Object value, String path) throws DecodeFailure {
            if (value instanceof Boolean b) {
                return b;
            }
            if (value instanceof Number n && UntypedValues.isFloat(n)) {
                return n.doubleValue() != 0;
            }
            if (value instanceof Number n) {
                return n.longValue() != 0;
            }
            if (value instanceof String s) {
                try {
                    return GoStrconv.parseBool(s);
                } catch (GoStrconv.NumError e) {
                    if (s.isEmpty()) {
                        return false;
                    }
                    throw new DecodeFailure("cannot parse '" + path + "' as bool: "
                            + e.describe(Shown.quoted(path, s)));
                }
            }
            throw unconvertible(path, value);
        }
    };

    /** Go {@code interface{}}: the value as it is. */
    public static final ArgType<Object> ANY = new ArgType<>("interface {}", null) {
        @Override
        Object decode(Object value, String path) {
            return value;
        }
    };

    /** A string holding a Go duration ({@link GoDuration}); a null argument is the empty string, which is invalid. */
    public static final ArgType<Duration> DURATION = new ArgType<>("string", null) {
        @Override
        Duration decode(Object value, String path) throws DecodeFailure {
            return parse(STRING.decode(value, path));
        }

        @Override
        Duration decodeOrZero(Object value, String path) throws DecodeFailure {
            return value == null ? parse("") : decode(value, path);
        }

        private Duration parse(String s) throws DecodeFailure {
            try {
                return Duration.ofNanos(GoDuration.parse(s));
            } catch (GoTimeException e) {
                throw new DecodeFailure(e.getMessage());
            }
        }
    };

    /** Go {@code []string}. */
    public static final ArgType<List<String>> STRING_LIST = listOf(STRING);

    /** Go {@code map[string]string}. */
    public static final ArgType<Map<String, String>> STRING_MAP = mapOf(STRING);

    /** Go {@code map[string]interface{}} (Kanister's JSONMap, e.g. {@code podOverride}). */
    public static final ArgType<Map<String, Object>> OBJECT_MAP = mapOf(ANY);

    private final String goType;
    private final T zero;

    ArgType(String goType, T zero) {
        this.goType = goType;
        this.zero = zero;
    }

    /** How Go names the type in messages. */
    public String goType() {
        return goType;
    }

    /** Go {@code []E}: a single value is lifted into a one-element list, an empty map is an empty list. */
    public static <E> ArgType<List<E>> listOf(ArgType<E> element) {
        return new ArgType<>("[]" + element.goType(), null) {
            @Override
            List<E> decode(Object value, String path) throws DecodeFailure {
                if (!(value instanceof List<?> list)) {
                    if (value instanceof Map<?, ?> map && map.isEmpty()) {
                        return new ArrayList<>();
                    }
                    return decode(List.of(value), path);
                }
                List<E> out = new ArrayList<>(list.size());
                DecodeFailure.Collector problems = new DecodeFailure.Collector();
                for (int i = 0; i < list.size(); i++) {
                    try {
                        out.add(element.decodeOrZero(list.get(i), path + "[" + i + "]"));
                    } catch (DecodeFailure e) {
                        problems.add(e);
                        out.add(null);
                    }
                }
                problems.throwIfAny();
                return out;
            }
        };
    }

    /** Go {@code map[string]V}: an empty list is an empty map, a list of maps is merged into one. */
    public static <V> ArgType<Map<String, V>> mapOf(ArgType<V> valueType) {
        return new ArgType<>("map[string]" + valueType.goType(), null) {
            @Override
            Map<String, V> decode(Object value, String path) throws DecodeFailure {
                Map<String, V> out = new LinkedHashMap<>();
                if (value instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        Object item = list.get(i);
                        if (item != null) {
                            decodeInto(out, item, path + "[" + i + "]");
                        }
                    }
                    return out;
                }
                decodeInto(out, value, path);
                return out;
            }

            private void decodeInto(Map<String, V> out, Object value, String path) throws DecodeFailure {
                if (!(value instanceof Map<?, ?> map)) {
                    throw expectedMap(path, value);
                }
                DecodeFailure.Collector problems = new DecodeFailure.Collector();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String key = String.valueOf(e.getKey());
                    try {
                        out.put(key, valueType.decodeOrZero(e.getValue(), path + "[" + key + "]"));
                    } catch (DecodeFailure failure) {
                        problems.add(failure);
                    }
                }
                problems.throwIfAny();
            }
        };
    }

    /** A Go struct, described by a record whose components are the fields (matched case-insensitively). */
    public static <R extends Record> ArgType<R> record(Class<R> type) {
        return new RecordType<>(type);
    }

    /** Decodes a value that is not null. */
    abstract T decode(Object value, String path) throws DecodeFailure;

    /** Decodes a value; null (Go's nil) leaves the target at its zero value, as mapstructure does. */
    T decodeOrZero(Object value, String path) throws DecodeFailure {
        return value == null ? zero() : decode(value, path);
    }

    /** Go's zero value of the type. */
    T zero() {
        return zero;
    }

    DecodeFailure unconvertible(String path, Object value) {
        return unconvertible(path, goType, value);
    }

    static DecodeFailure unconvertible(String path, String goType, Object value) {
        return new DecodeFailure("'" + path + "' expected type '" + goType + "', got unconvertible type '"
                + UntypedValues.typeName(value) + "', value: '" + Shown.value(path, value) + "'");
    }


    static DecodeFailure expectedMap(String path, Object value) {
        return new DecodeFailure("'" + path + "' expected a map, got '" + UntypedValues.kindName(value) + "'");
    }

    /** Go's 64-bit integer types. */
    private static final class IntegerType extends ArgType<Long> {

        private static final double TWO_TO_63 = 0x1p63;

        IntegerType(String goType) {
            super(goType, 0L);
        }

        @Override
        Long decode(Object value, String path) throws DecodeFailure {
            return toInt64(value, path, goType(), 64);
        }

        /** mapstructure's decodeInt, before the result is stored into a Go integer of {@code bits} bits. */
        static long toInt64(Object value, String path, String goType, int bits) throws DecodeFailure {
            if (value instanceof Number n && UntypedValues.isFloat(n)) {
                double d = n.doubleValue();
                // Go on amd64 turns NaN and out-of-range floats into the most negative int64.
                return Double.isNaN(d) || d >= TWO_TO_63 || d < -TWO_TO_63 ? Long.MIN_VALUE : (long) d;
            }
            if (value instanceof Number n) {
                return n.longValue();
            }
            if (value instanceof Boolean b) {
                return b ? 1 : 0;
            }
            if (value instanceof String s) {
                try {
                    return GoStrconv.parseInt(s.isEmpty() ? "0" : s, 0, bits);
                } catch (GoStrconv.NumError e) {
                    throw new DecodeFailure("cannot parse '" + path + "' as int: "
                            + e.describe(Shown.quoted(path, e.input())));
                }
            }
            throw unconvertible(path, goType, value);
        }
    }
}
