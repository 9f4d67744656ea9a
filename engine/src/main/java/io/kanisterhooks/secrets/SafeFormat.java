package io.kanisterhooks.secrets;

import io.kanisterhooks.golang.fmt.GoFmt;
import io.kanisterhooks.golang.json.UntypedValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code %v} of JSON-shaped values for error messages that may reach logs: entries whose key looks like a
 * credential ({@link SecretKeys}) become {@code <redacted>}, and strings longer than {@link #MAX_SHOWN_STRING} a length
 * note; the rest is printed by {@link GoFmt} as Go prints it.
 */
public final class SafeFormat {

    /** Longest string shown verbatim. */
    public static final int MAX_SHOWN_STRING = 64;

    private static final String REDACTED = "<redacted>";

    private SafeFormat() {
    }

    /** {@code %v} with secret-looking entries as {@code <redacted>} and long strings as {@code <N characters>}. */
    public static String formatSafely(Object value) {
        return GoFmt.toString(UntypedValues.of(redacted(value)));
    }

    private static Object redacted(Object value) {
        if (value instanceof Map<?, ?> map) {
            // An env-var-like entry ({name: DB_PASSWORD, value: ...}) names its secret in a sibling field.
            boolean secretEntry = SecretKeys.isSecretLike(nameOf(map));
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                boolean hidden = SecretKeys.isSecretLike(key) || secretEntry && !key.equals("name");
                out.putIfAbsent(key, hidden ? REDACTED : redacted(e.getValue()));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SafeFormat::redacted).toList();
        }
        if (value instanceof String s && s.length() > MAX_SHOWN_STRING) {
            return "<" + s.length() + " characters>";
        }
        return value;
    }

    private static String nameOf(Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (String.valueOf(e.getKey()).equals("name")) {
                return e.getValue() instanceof String s ? s : null;
            }
        }
        return null;
    }
}
