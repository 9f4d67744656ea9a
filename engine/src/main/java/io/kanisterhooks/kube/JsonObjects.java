package io.kanisterhooks.kube;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Kubernetes objects as plain JSON-shaped maps, numbers typed as Kubernetes' unstructured decoding types them:
 * int64 when integral, float64 otherwise (Gson alone would make every number a double).
 */
public final class JsonObjects {

    public static final Gson GSON = new GsonBuilder()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .disableHtmlEscaping()
            .create();
    private static final Type MAP = new TypeToken<Map<String, Object>>() { }.getType();

    private JsonObjects() {
    }

    public static Map<String, Object> parse(String json) {
        return GSON.fromJson(json, MAP);
    }

    /** A typed client-java model (or anything Gson can write) as a plain map. */
    public static Map<String, Object> toMap(Object model, Gson modelGson) {
        return parse(modelGson.toJson(model));
    }

    public static String json(Object value) {
        return GSON.toJson(value);
    }

    /** {@code m.a.b.c} or null. */
    public static Object path(Map<?, ?> m, String... keys) {
        Object cur = m;
        for (String k : keys) {
            if (!(cur instanceof Map<?, ?> map)) {
                return null;
            }
            cur = map.get(k);
        }
        return cur;
    }

    public static String string(Map<?, ?> m, String... keys) {
        return path(m, keys) instanceof String s ? s : null;
    }
}
