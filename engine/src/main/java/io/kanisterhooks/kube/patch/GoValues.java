package io.kanisterhooks.kube.patch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How Go prints JSON-shaped values in error messages ({@code fmt}'s {@code %v}, {@code reflect.Type} names), plus a
 * safe variant for messages that may reach logs: values under secret-looking keys and long strings are left out.
 */
public final class GoValues {

    /** Longest string shown verbatim by {@link #formatSafely}. */
    public static final int MAX_SHOWN_STRING = 64;

    private static final Pattern SECRET_LIKE = Pattern.compile(
            "(?i).*(pass|secret|token|credential|private.?key|api.?key|access.?key).*");
    // Names of, or references to, secrets are not secret themselves (secretName, imagePullSecrets, secretRef).
    private static final Pattern SECRET_REFERENCE = Pattern.compile("(?i).*(name|secrets|ref)");
    private static final String REDACTED = "<redacted>";

    private GoValues() {
    }

    /** fmt's {@code %v}: maps as {@code map[k:v ...]} with sorted keys, lists as {@code [a b]}, null as {@code <nil>}. */
    public static String format(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value, false);
        return sb.toString();
    }

    /** Like {@link #format}, but secret-looking entries become {@code <redacted>} and long strings a length note. */
    public static String formatSafely(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value, true);
        return sb.toString();
    }

    /** True when a key or argument name suggests the value is a credential. */
    public static boolean isSecretLike(String name) {
        return name != null && SECRET_LIKE.matcher(name).matches() && !SECRET_REFERENCE.matcher(name).matches();
    }

    /** {@code reflect.TypeOf(v).String()} for the Go value a JSON-shaped Java value stands for. */
    public static String typeName(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof Map) {
            return "map[string]interface {}";
        }
        if (value instanceof List) {
            return "[]interface {}";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Number n && isFloat(n)) {
            return "float64";
        }
        if (value instanceof Number) {
            return "int64";
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

    /** fmt's {@code %s} of a value: strings as they are, anything else flagged the way Go flags a bad verb. */
    static String formatS(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value == null) {
            return "%!s(<nil>)";
        }
        return "%!s(" + typeName(value) + "=" + format(value) + ")";
    }

    private static void append(StringBuilder sb, Object value, boolean safely) {
        if (value == null) {
            sb.append("<nil>");
        } else if (value instanceof Map<?, ?> map) {
            appendMap(sb, map, safely);
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                append(sb, list.get(i), safely);
            }
            sb.append(']');
        } else if (value instanceof Number n && isFloat(n)) {
            sb.append(GoFloats.formatG(n.doubleValue()));
        } else if (safely && value instanceof String s && s.length() > MAX_SHOWN_STRING) {
            sb.append("<").append(s.length()).append(" characters>");
        } else {
            sb.append(value);
        }
    }

    private static void appendMap(StringBuilder sb, Map<?, ?> map, boolean safely) {
        List<String> keys = new ArrayList<>();
        for (Object k : map.keySet()) {
            keys.add(String.valueOf(k));
        }
        // fmt sorts string keys by their bytes; code point order is the same as UTF-8 byte order.
        keys.sort(GoValues::compareCodePoints);
        boolean secretEntry = safely && isSecretLike(nameOf(map));
        sb.append("map[");
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(key).append(':');
            Object v = valueOf(map, key);
            if (safely && (isSecretLike(key) || (secretEntry && !key.equals("name")))) {
                sb.append(REDACTED);
            } else {
                append(sb, v, safely);
            }
        }
        sb.append(']');
    }

    // An env-var-like entry ({name: DB_PASSWORD, value: ...}) names its secret in a sibling field.
    private static String nameOf(Map<?, ?> map) {
        Object name = valueOf(map, "name");
        return name instanceof String s ? s : null;
    }

    private static Object valueOf(Map<?, ?> map, String key) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (String.valueOf(e.getKey()).equals(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
