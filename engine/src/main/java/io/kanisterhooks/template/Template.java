package io.kanisterhooks.template;

import io.kanisterhooks.template.builtin.Builtins;
import io.kanisterhooks.template.func.FuncMap;
import io.kanisterhooks.template.parse.ListNode;
import io.kanisterhooks.template.parse.ParseError;
import io.kanisterhooks.template.parse.Parser;
import io.kanisterhooks.template.parse.Tree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;

/**
 * A parsed Go text/template: parse once, execute many times (concurrently if you like; executions share
 * nothing mutable).
 *
 * <pre>{@code
 * Template t = Template.parse("config", "{{ .Options.bucket | upper }}",
 *         TemplateOptions.defaults().withMissingKey(MissingKey.ERROR).withFuncs(funcs));
 * String out = t.execute(templateParams);
 * }</pre>
 *
 * Errors carry Go's exact messages: {@link TemplateParseException} ({@code template: config:1: unclosed
 * action}) and {@link TemplateExecException} ({@code template: config:1:11: executing "config" at
 * <.Options.nope>: map has no entry for key "nope"}).
 */
public final class Template {
    private final String name;
    private final Map<String, Tree> trees;
    private final TemplateOptions options;

    private Template(String name, Map<String, Tree> trees, TemplateOptions options) {
        this.name = name;
        this.trees = Collections.unmodifiableMap(trees);
        this.options = options;
    }

    /**
     * Parses template text, including its {@code define}/{@code block} templates.
     *
     * @throws TemplateParseException with Go's message
     */
    public static Template parse(String name, String text, TemplateOptions options) {
        FuncMap funcs = options.funcs();
        try {
            Map<String, Tree> trees = Parser.parse(name, text, f -> funcs.contains(f) || Builtins.contains(f),
                    options.leftDelim(), options.rightDelim());
            return new Template(name, trees, options);
        } catch (ParseError e) {
            throw new TemplateParseException(e.getMessage());
        }
    }

    public String name() {
        return name;
    }

    public TemplateOptions options() {
        return options;
    }

    /** The syntax tree of the top-level template. */
    public ListNode root() {
        return trees.get(name).root();
    }

    /** Every template of this text by name: the top-level one and each {@code define}/{@code block}. */
    public Map<String, Tree> trees() {
        return trees;
    }

    Tree tree(String templateName) {
        return trees.get(templateName);
    }

    /**
     * Executes the top-level template with {@code data} as dot and {@code $}.
     *
     * @throws TemplateExecException with Go's message
     */
    public String execute(Object data) {
        StringBuilder sb = new StringBuilder(128);
        execute(data, sb);
        return sb.toString();
    }

    /**
     * Executes into any {@link Appendable} (a writer, a stream adapter); nothing is written if execution fails.
     *
     * @throws java.io.UncheckedIOException if the appendable fails
     */
    public void execute(Object data, Appendable out) {
        String rendered = execute(data);
        try {
            out.append(rendered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Executes into a builder; on error the output written so far stays in it (as with Go's writer). */
    public void execute(Object data, StringBuilder out) {
        executeTemplate(name, data, out);
    }

    /** Go's {@code ExecuteTemplate}: executes the named (defined) template. */
    public void executeTemplate(String templateName, Object data, StringBuilder out) {
        Tree tree = trees.get(templateName);
        if (tree == null) {
            throw new TemplateExecException("template: no template \"" + templateName
                    + "\" associated with template \"" + name + "\"", null);
        }
        Execution execution = new Execution(this, tree, out);
        try {
            execution.run(data);
        } catch (StackOverflowError e) {
            // Go stops recursive template calls at a depth of 100000; the JVM stack may end sooner
            throw execution.depthExceeded();
        }
    }
}
