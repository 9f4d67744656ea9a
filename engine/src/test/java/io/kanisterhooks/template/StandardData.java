package io.kanisterhooks.template;

import io.kanisterhooks.golang.json.GoJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The data document most corpus cases render against, decoded with Kubernetes' int64 number rule. */
final class StandardData {
    private StandardData() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(GoJson.NumberMode mode) {
        try (InputStream in = StandardData.class.getResourceAsStream("/template/standard-data.json")) {
            return (Map<String, Object>) GoJson.decode(new String(in.readAllBytes(), StandardCharsets.UTF_8), mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> load() {
        return load(GoJson.NumberMode.INT64);
    }
}
