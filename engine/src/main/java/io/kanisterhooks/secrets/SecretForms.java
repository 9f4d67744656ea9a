package io.kanisterhooks.secrets;

import io.kanisterhooks.golang.encoding.GoBase64;
import io.kanisterhooks.golang.net.GoUrl;
import io.kanisterhooks.golang.strconv.GoQuote;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The other forms in which a secret value shows up in text Go produces: between the quotes of {@code %q} and
 * {@code strconv.Quote} (URL, regexp and semver errors), between a JSON string's quotes, base64 (a Secret's
 * {@code data}, {@code b64enc}), URL query escaping, hex, and {@code %v} of a {@code []byte} ({@code [115 51 ...]}).
 * Only forms that differ from the value itself are returned.
 */
final class SecretForms {

    private SecretForms() {
    }

    static Set<String> of(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        Set<String> forms = new LinkedHashSet<>();
        String quoted = GoQuote.quote(value);
        forms.add(quoted.substring(1, quoted.length() - 1));
        forms.add(jsonInner(value));
        forms.add(GoBase64.encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().encodeToString(bytes));
        forms.add(GoUrl.queryEscape(value));
        forms.add(HexFormat.of().formatHex(bytes));
        StringJoiner numbers = new StringJoiner(" ", "[", "]");
        for (byte b : bytes) {
            numbers.add(Integer.toString(b & 0xff));
        }
        forms.add(numbers.toString());
        forms.remove(value);
        forms.removeIf(f -> f.length() < SecretValues.MIN_LENGTH);
        return forms;
    }

    /** The characters between the quotes of the value as a JSON string (Go's encoder escapes {@code <>&} too). */
    private static String jsonInner(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
