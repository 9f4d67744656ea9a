package io.kanisterhooks.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for Go templates in tests of the call-site logic: {@code ok:TEXT} renders TEXT, {@code data:KEY} renders
 * the data map's value, {@code parse:MSG} and {@code exec:MSG} fail with MSG. Records what it parsed.
 */
final class FakeTemplates implements GoTemplates {

    final List<String> parsed = new ArrayList<>();

    @Override
    public Parsed parse(String text, TemplateOptions options) throws TemplateError {
        parsed.add(options.name() + ":" + text);
        if (text.startsWith("parse:")) {
            throw new TemplateError(TemplateError.Phase.PARSE, text.substring(6));
        }
        return new Parsed() {
            @Override
            public String execute(Object data) throws TemplateError {
                if (text.startsWith("exec:")) {
                    throw new TemplateError(TemplateError.Phase.EXEC, text.substring(5));
                }
                if (text.startsWith("data:")) {
                    return String.valueOf(((Map<?, ?>) data).get(text.substring(5)));
                }
                return text.startsWith("ok:") ? text.substring(3) : text;
            }

            @Override
            public boolean referencesProfile() {
                return text.contains(".Profile");
            }
        };
    }
}
