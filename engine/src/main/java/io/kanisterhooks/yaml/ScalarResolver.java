package io.kanisterhooks.yaml;

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
    private static final BigInteger MIN_INT64 = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_INT64 = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

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
        BigInteger integer = parseGoInteger(plain);
        if (integer != null && integer.abs().compareTo(MAX_UINT64) <= 0
                && (integer.signum() >= 0 || integer.compareTo(MIN_INT64) >= 0)) {
            return integer.compareTo(MAX_INT64) <= 0 ? (Object) integer.longValue() : (Object) integer.doubleValue();
        }
        if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
            return Double.parseDouble(plain);
        }
        return text;
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)} syntax: optional sign, then 0x / 0o / 0b / leading-0 octal / decimal. */
    private static BigInteger parseGoInteger(String s) {
        int i = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        String body = s.substring(i);
        if (body.isEmpty()) {
            return null;
        }
        int radix = 10;
        String digits = body;
        if (body.length() > 1 && body.charAt(0) == '0') {
            char p = Character.toLowerCase(body.charAt(1));
            if (p == 'x') {
                radix = 16;
                digits = body.substring(2);
            } else if (p == 'o') {
                radix = 8;
                digits = body.substring(2);
            } else if (p == 'b') {
                radix = 2;
                digits = body.substring(2);
            } else {
                radix = 8;
                digits = body.substring(1);
            }
        }
        if (digits.isEmpty()) {
            return null;
        }
        for (int k = 0; k < digits.length(); k++) {
            if (Character.digit(digits.charAt(k), radix) < 0) {
                return null;
            }
        }
        BigInteger v = new BigInteger(digits, radix);
        return negative ? v.negate() : v;
    }
}
