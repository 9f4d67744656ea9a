package io.kanisterhooks.yaml;

import io.kanisterhooks.golang.strconv.GoStrconv;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Types an unquoted scalar the way Kubernetes does when it reads YAML: go-yaml v2's resolution (YAML 1.1 flavour:
 * {@code yes/no/on/off/y/n} are booleans, {@code 0x1F}, {@code 017} and {@code 0b101} are integers, timestamps stay
 * strings), followed by the JSON round trip that makes every integer an int64 — or a float64 when it does not fit.
 */
final class ScalarResolver {

    /** Marker for values JSON cannot carry (NaN, ±Inf). */
    static final Object NOT_JSON = new Object();

    private static final Map<String, Object> WORDS = Map.ofEntries(
            Map.entry("y", true), Map.entry("Y", true), Map.entry("yes", true), Map.entry("Yes", true),
            Map.entry("YES", true), Map.entry("true", true), Map.entry("True", true), Map.entry("TRUE", true),
            Map.entry("on", true), Map.entry("On", true), Map.entry("ON", true),
            Map.entry("n", false), Map.entry("N", false), Map.entry("no", false), Map.entry("No", false),
            Map.entry("NO", false), Map.entry("false", false), Map.entry("False", false), Map.entry("FALSE", false),
            Map.entry("off", false), Map.entry("Off", false), Map.entry("OFF", false));

    private static final Pattern NULLS = Pattern.compile("~|null|Null|NULL");
    private static final Pattern SPECIAL_FLOATS = Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final Pattern YAML_STYLE_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private ScalarResolver() {
    }

    /** The value of an unquoted scalar. */
    static Object resolvePlain(String text) {
        if (text.isEmpty() || NULLS.matcher(text).matches()) {
            return null;
        }
        Object word = WORDS.get(text);
        if (word != null) {
            return word;
        }
        if (SPECIAL_FLOATS.matcher(text).matches()) {
            return NOT_JSON;
        }
        char first = text.charAt(0);
        if (first == '.') {
            return YAML_STYLE_FLOAT.matcher(text).matches() ? (Object) Double.parseDouble(text) : text;
        }
        if (first != '+' && first != '-' && (first < '0' || first > '9')) {
            return text;
        }
        String plain = text.replace("_", "");
        Object integer = integer(plain);
        if (integer != null) {
            return integer;
        }
        if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
            return Double.parseDouble(plain);
        }
        return text;
    }

    /**
     * go-yaml's integers: {@code strconv.ParseInt(s, 0, 64)}, else {@code strconv.ParseUint(s, 0, 64)}; after the JSON
     * round trip an int64, or a float64 for a uint64 beyond int64. Null when neither parses.
     */
    private static Object integer(String plain) {
        try {
            return GoStrconv.parseInt(plain, 0, 64);
        } catch (GoStrconv.NumError notInt64) {
            try {
                return new BigInteger(Long.toUnsignedString(GoStrconv.parseUint(plain, 0, 64))).doubleValue();
            } catch (GoStrconv.NumError notUint64) {
                return null;
            }
        }
    }
}
