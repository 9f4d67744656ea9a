package io.kanisterhooks.render;

import io.kanisterhooks.golang.fmt.GoFmt;
import io.kanisterhooks.template.Template;
import io.kanisterhooks.template.TemplateCache;

import java.util.Map;

/**
 * Kanister's WaitV2 condition, i.e. kubectl's go-template printer: template {@code output}, builtins plus
 * {@code exists} and {@code base64decode}, default {@code missingkey}, the object as data. A condition that does not
 * parse is simply false (Kanister drops that error), so WaitV2 waits until its timeout.
 */
public final class WaitV2Condition {

    private final TemplateCache cache = Dialect.WAIT_V2.newCache();

    /**
     * Evaluates once.
     *
     * @throws TemplateError phase EXEC, worded as kubectl's printer does ({@code error executing template "…": …})
     */
    public ConditionResult evaluate(String condition, Map<String, Object> object) throws TemplateError {
        Template parsed;
        try {
            parsed = CoreTemplates.parse(cache, condition);
        } catch (TemplateError swallowed) {
            return new ConditionResult(false, "", null);
        }
        try {
            return ConditionResult.of(CoreTemplates.execute(parsed, object), null);
        } catch (TemplateError e) {
            throw e.wrapped("error executing template " + GoFmt.sprintf("%q", condition) + ": " + e.getMessage());
        }
    }
}
