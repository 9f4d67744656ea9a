package io.kanisterhooks.render;

import io.kanisterhooks.template.json.GoJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Loads test data from {@code src/test/resources/render/}. */
final class RenderTestData {

    private RenderTestData() {
    }

    static String text(String name) {
        try (InputStream in = RenderTestData.class.getResourceAsStream("/render/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource render/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String name) {
        return (Map<String, Object>) GoJson.decode(text(name), GoJson.NumberMode.INT64);
    }
}
