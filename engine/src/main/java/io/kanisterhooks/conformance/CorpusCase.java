package io.kanisterhooks.conformance;

import io.kanisterhooks.golang.json.GoJson;
import io.kanisterhooks.params.TemplateParamsJson;
import io.kanisterhooks.render.Dialect;
import io.kanisterhooks.template.MissingKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One case of the template conformance corpus (README, "Layout": the corpus Go recorded): which Kanister path to reproduce and its
 * inputs, with the data already typed as that path would see it.
 */
public record CorpusCase(String id, String mode, String template, Object data, Map<String, Object> object,
                         MissingKey missingKey, Dialect.Functions functions,
                         boolean allowMissingKeys, String timeZone) {

    /** All cases of a corpus file ({@code {"cases":[…]}}). */
    @SuppressWarnings("unchecked")
    public static List<CorpusCase> readCorpus(String json) {
        Map<String, Object> file = (Map<String, Object>) GoJson.decode(json, GoJson.NumberMode.INT64);
        List<CorpusCase> cases = new ArrayList<>();
        for (Object c : (List<Object>) file.get("cases")) {
            cases.add(fromJson((Map<String, Object>) c));
        }
        return cases;
    }

    /**
     * From a case object of a corpus file decoded with int64 numbers. {@code numbers: float64} data is re-typed as plain
     * {@code encoding/json} would have decoded it; {@code dataMode: tp} data becomes {@code param.TemplateParams}.
     */
    @SuppressWarnings("unchecked")
    public static CorpusCase fromJson(Map<String, Object> c) {
        String mode = (String) c.getOrDefault("mode", "render");
        String template = (String) c.getOrDefault("template", "");
        String condition = (String) c.get("condition");
        Object data = c.get("data");
        if ("float64".equals(c.get("numbers"))) {
            data = GoJson.decode(GoJson.marshal(data), GoJson.NumberMode.FLOAT64);
        }
        if ("tp".equals(c.get("dataMode"))) {
            data = TemplateParamsJson.decode((Map<String, Object>) data);
        }
        String missingKey = (String) c.get("missingkey");
        return new CorpusCase(
                (String) c.get("id"),
                mode,
                condition == null || condition.isEmpty() ? template : condition,
                data,
                (Map<String, Object>) c.get("object"),
                missingKey == null ? null : MissingKey.parse(missingKey),
                "builtin".equals(c.get("funcs")) ? Dialect.Functions.BUILTIN : Dialect.Functions.KSPRIG,
                Boolean.TRUE.equals(c.get("allowMissingKeys")),
                (String) c.getOrDefault("tz", "UTC"));
    }
}
