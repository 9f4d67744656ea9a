package io.kanisterhooks.render;

import io.kanisterhooks.jsonpath.JsonPathException;
import io.kanisterhooks.template.TemplateCache;

import java.util.Map;

/**
 * Kanister's Wait (v1) condition: {@code {$…}} references are replaced by JSONPath results on the object, then the text
 * is a template named {@code config} with {@code missingkey=zero}, ksprig and nil data.
 */
public final class WaitCondition {

    private final TemplateCache cache = Dialect.WAIT.newCache();

    /**
     * Evaluates once. An error means "not satisfied this time" to Wait, which keeps polling and reports the last error
     * at its timeout.
     *
     * @throws TemplateError phase JSONPATH when a reference fails on the object, else PARSE or EXEC of the template;
     *                       for PARSE and EXEC, {@link #resolve} gives the condition that was parsed
     */
    public ConditionResult evaluate(String condition, Map<String, Object> object) throws TemplateError {
        return evaluateResolved(resolve(condition, object));
    }

    /** The template step alone, on a condition {@link #resolve} already substituted. */
    public ConditionResult evaluateResolved(String resolvedCondition) throws TemplateError {
        String output = CoreTemplates.execute(CoreTemplates.parse(cache, resolvedCondition), null);
        return ConditionResult.of(output, resolvedCondition);
    }

    /** The condition after JSONPath substitution, as Kanister logs it ("Resolved jsonpath: …"). */
    public String resolve(String condition, Map<String, Object> object) throws TemplateError {
        try {
            return JsonPathReferences.resolve(condition, object);
        } catch (JsonPathException e) {
            return failJsonPath(e);
        }
    }

    private static String failJsonPath(JsonPathException e) throws TemplateError {
        throw new TemplateError(TemplateError.Phase.JSONPATH, e.getMessage(), e.getMessage(), e.innerError());
    }
}
