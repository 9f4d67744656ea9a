package io.kanisterhooks.render;

import io.kanisterhooks.template.Template;
import io.kanisterhooks.template.TemplateCache;
import io.kanisterhooks.template.TemplateExecException;
import io.kanisterhooks.template.TemplateParseException;

/** The template core's parse and execute, with its errors as {@link TemplateError}s. */
final class CoreTemplates {

    private CoreTemplates() {
    }

    static Template parse(TemplateCache cache, String text) throws TemplateError {
        try {
            return cache.get(text);
        } catch (TemplateParseException e) {
            throw new TemplateError(TemplateError.Phase.PARSE, e.getMessage());
        }
    }

    static String execute(Template template, Object data) throws TemplateError {
        try {
            return template.execute(data);
        } catch (TemplateExecException e) {
            throw new TemplateError(TemplateError.Phase.EXEC, e.getMessage());
        }
    }
}
