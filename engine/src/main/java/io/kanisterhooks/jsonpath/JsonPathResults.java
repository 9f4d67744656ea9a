package io.kanisterhooks.jsonpath;

import java.util.List;
import java.util.Map;

/** client-go's {@code PrintResults}: how one list of selected values becomes text. */
final class JsonPathResults {

    private JsonPathResults() {
    }

    static void print(List<Object> results, StringBuilder out) {
        for (int i = 0; i < results.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(text(results.get(i)));
        }
    }

    private static String text(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return JsonPathValues.marshal(value);
        }
        if (value == JsonPathValues.NO_VALUE) {
            return "<no value>";
        }
        if (value == null) {
            return "null";
        }
        return JsonPathValues.print(value);
    }
}
