package io.kanisterhooks.render;

import io.kanisterhooks.template.Template;
import io.kanisterhooks.template.TemplateParseException;
import io.kanisterhooks.template.parse.FieldNode;
import io.kanisterhooks.template.parse.Tree;
import io.kanisterhooks.template.parse.VariableNode;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
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

    private TemplateSyntax() {
    }

    /** Parses only; empty if the template is valid in this dialect. */
    public static Optional<SyntaxError> check(String template, Dialect dialect) {
        try {
            Template.parse(dialect.name(), template, dialect.options());
            return Optional.empty();
        } catch (TemplateParseException e) {
            Matcher m = LINE.matcher(e.getMessage());
            return Optional.of(new SyntaxError(e.getMessage(), m.find() ? Integer.parseInt(m.group(1)) : 0));
        }
    }

    /**
     * Whether a blueprint arg template has a field chain starting at {@code .Profile} or {@code $.Profile}, in any of its
     * (defined) templates. False if it does not parse: {@link #check} reports that.
     */
    public static boolean referencesProfile(String template) {
        Optional<Template> parsed = parseArgs(template);
        if (parsed.isEmpty()) {
            return false;
        }
        AtomicBoolean found = new AtomicBoolean();
        for (Tree tree : parsed.get().trees().values()) {
            tree.root().walk(node -> {
                if (node instanceof FieldNode field && startsWithProfile(field.ident(), 0)
                        || node instanceof VariableNode variable && variable.ident().get(0).equals("$")
                        && startsWithProfile(variable.ident(), 1)) {
                    found.set(true);
                }
            });
        }
        return found.get();
    }

    /**
     * A blueprint argument template parsed, for static checks of what it reads (its main tree is named {@code
     * Dialect.KANISTER_ARGS.name()}); empty if it does not parse ({@link #check} reports that).
     */
    public static Optional<Template> parseArgs(String template) {
        try {
            return Optional.of(Template.parse(Dialect.KANISTER_ARGS.name(), template, Dialect.KANISTER_ARGS.options()));
        } catch (TemplateParseException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWithProfile(List<String> ident, int at) {
        return ident.size() > at && ident.get(at).equals("Profile");
    }
}
