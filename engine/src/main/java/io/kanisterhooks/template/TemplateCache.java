package io.kanisterhooks.template;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed templates by text for one name and one set of options, so that the many identical strings of a
 * blueprint are parsed once. Bounded: when full, it starts over (templates are cheap to re-parse).
 */
public final class TemplateCache {
    private final String name;
    private final TemplateOptions options;
    private final int maxEntries;
    private final Map<String, Template> byText = new ConcurrentHashMap<>();

    public TemplateCache(String name, TemplateOptions options, int maxEntries) {
        this.name = name;
        this.options = options;
        this.maxEntries = maxEntries;
    }

    /**
     * The parsed template for this text.
     *
     * @throws TemplateParseException if the text does not parse (parse failures are not cached)
     */
    public Template get(String text) {
        Template t = byText.get(text);
        if (t == null) {
            t = Template.parse(name, text, options);
            if (byText.size() >= maxEntries) {
                byText.clear();
            }
            byText.put(text, t);
        }
        return t;
    }
}
