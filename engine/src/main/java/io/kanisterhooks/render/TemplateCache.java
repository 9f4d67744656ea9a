package io.kanisterhooks.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed templates by text, for one set of options. Kanister parses every string on every render; blueprints repeat
 * the same few hundred strings, so caching the parse is the cheap win. Parse errors are cached as well. Bounded (LRU)
 * so that a long-running engine cannot grow without limit.
 */
final class TemplateCache {

    private static final int MAX_ENTRIES = 4096;

    private final GoTemplates templates;
    private final TemplateOptions options;
    private final Map<String, Object> entries = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                    return size() > MAX_ENTRIES;
                }
            });

    TemplateCache(GoTemplates templates, TemplateOptions options) {
        this.templates = templates;
        this.options = options;
    }

    GoTemplates.Parsed parse(String text) throws TemplateError {
        Object entry = entries.get(text);
        if (entry == null) {
            try {
                entry = templates.parse(text, options);
            } catch (TemplateError e) {
                entry = e;
            }
            entries.put(text, entry);
        }
        if (entry instanceof TemplateError e) {
            throw e;
        }
        return (GoTemplates.Parsed) entry;
    }
}
