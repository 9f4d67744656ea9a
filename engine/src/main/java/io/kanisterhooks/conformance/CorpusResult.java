package io.kanisterhooks.conformance;

import io.kanisterhooks.render.TemplateError;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one corpus case in the oracle's result format: {@code output} is empty on error (Kanister discards
 * partial output); {@code result} is set for wait and waitv2 cases; {@code resolvedCondition} for Wait cases that got past
 * JSONPath substitution.
 */
public record CorpusResult(String id, String output, TemplateError error, Boolean result, String resolvedCondition) {

    static CorpusResult success(String id, String output) {
        return new CorpusResult(id, output, null, null, null);
    }

    static CorpusResult failure(String id, TemplateError error) {
        return new CorpusResult(id, "", error, null, null);
    }

    /** The JSON object compare.py reads (plus {@code kanisterError}, {@code errorPhase} and {@code innerError}). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("output", output);
        json.put("error", error == null ? "" : error.getMessage());
        if (error != null) {
            json.put("errorPhase", error.phase().name().toLowerCase(Locale.ROOT));
            json.put("kanisterError", error.kanisterMessage());
            json.put("innerError", error.innerError());
        }
        if (result != null) {
            json.put("result", result);
        }
        if (resolvedCondition != null) {
            json.put("resolvedCondition", resolvedCondition);
        }
        return json;
    }
}
