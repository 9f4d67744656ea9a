package io.kanisterhooks.render;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Static checks of blueprint templates for {@code kanister-hooks validate}: does a template parse in a given dialect
 * (Go's error text and line), and does it use {@code .Profile} (then the ActionSet needs a profile).
 */
public final class TemplateSyntax {

    // Go's parse errors read "template: NAME:LINE: message"
    private static final Pattern LINE = Pattern.compile("^template: [^:]*:(\\d+): ");

    /** A parse error: Go's full message, and the 1-based line within the template (0 if Go gives none). */
    public record SyntaxError(String message, int line) {
    }

    private final GoTemplates templates;

    TemplateSyntax(GoTemplates templates) {
        this.templates = templates;
    }

    public static TemplateSyntax create() {
        return new TemplateSyntax(CoreTemplates.INSTANCE);
    }

    /** Parses only; empty if the template is valid in this dialect. */
    public Optional<SyntaxError> check(String template, TemplateOptions dialect) {
        try {
            templates.parse(template, dialect);
            return Optional.empty();
        } catch (TemplateError e) {
            Matcher m = LINE.matcher(e.getMessage());
            return Optional.of(new SyntaxError(e.getMessage(), m.find() ? Integer.parseInt(m.group(1)) : 0));
        }
    }

    /**
     * Whether an arg template references {@code .Profile} or {@code $.Profile} (false if it does not parse: validation
     * reports that separately).
     */
    public boolean referencesProfile(String template) {
        try {
            return templates.parse(template, TemplateOptions.KANISTER_ARGS).referencesProfile();
        } catch (TemplateError e) {
            return false;
        }
    }
}
