package io.kanisterhooks.render;

import io.kanisterhooks.golang.strings.GoStrings;
import io.kanisterhooks.template.Template;
import io.kanisterhooks.template.TemplateCache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kanister's blueprint arg rendering ({@code pkg/param/render.go}): every string is a template named {@code config},
 * with {@code missingkey=error}, ksprig and the TemplateParams as data; lists and maps are rendered element by element,
 * map keys too; other values pass unchanged.
 */
public final class ArgRenderer {

    private static final String UNDEFINED_KEY = "map has no entry for key ";

    private final TemplateCache cache;

    public ArgRenderer(Dialect dialect) {
        this.cache = dialect.newCache();
    }

    /** A renderer with Kanister's options and its own parse cache. */
    public static ArgRenderer create() {
        return new ArgRenderer(Dialect.KANISTER_ARGS);
    }

    /**
     * {@code renderStringArg}. On failure the error's {@link TemplateError#kanisterMessage()} is what Kanister reports:
     * a missing map key becomes {@code Failed to render template: "KEY" not found}.
     */
    public String render(String template, Object templateParams) throws TemplateError {
        Template parsed = CoreTemplates.parse(cache, template);
        try {
            return CoreTemplates.execute(parsed, templateParams);
        } catch (TemplateError e) {
            int at = e.getMessage().lastIndexOf(UNDEFINED_KEY);
            if (at < 0) {
                throw e;
            }
            String key = GoStrings.trim(e.getMessage().substring(at + UNDEFINED_KEY.length()), "\"");
            throw e.withKanisterMessage("Failed to render template: \"" + key + "\" not found");
        }
    }

    /** {@code render}: strings rendered, lists and maps (keys and values) rendered recursively, anything else kept. */
    public Object renderValue(Object arg, Object templateParams) throws TemplateError {
        if (arg instanceof String s) {
            return render(s, templateParams);
        }
        if (arg instanceof List<?> list) {
            List<Object> rendered = new ArrayList<>(list.size());
            for (Object element : list) {
                rendered.add(renderValue(element, templateParams));
            }
            return rendered;
        }
        if (arg instanceof Map<?, ?> map) {
            Map<Object, Object> rendered = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                rendered.put(renderValue(e.getKey(), templateParams), renderValue(e.getValue(), templateParams));
            }
            return rendered;
        }
        return arg;
    }
}
