package io.kanisterhooks.template;

import io.kanisterhooks.template.func.FuncMap;

/**
 * How a template is parsed and executed: missing-key behaviour, the function map (in addition to the
 * builtins, which its entries shadow) and the action delimiters. Immutable; the {@code with...} methods return
 * modified copies.
 */
public final class TemplateOptions {
    private static final FuncMap NO_FUNCS = new FuncMap();
    private static final TemplateOptions DEFAULTS = new TemplateOptions(MissingKey.DEFAULT, NO_FUNCS, "{{", "}}");

    private final MissingKey missingKey;
    private final FuncMap funcs;
    private final String leftDelim;
    private final String rightDelim;

    private TemplateOptions(MissingKey missingKey, FuncMap funcs, String leftDelim, String rightDelim) {
        this.missingKey = missingKey;
        this.funcs = funcs;
        this.leftDelim = leftDelim;
        this.rightDelim = rightDelim;
    }

    /** Go's defaults: {@code missingkey=default}, builtins only, {@code {{ }}} delimiters. */
    public static TemplateOptions defaults() {
        return DEFAULTS;
    }

    public TemplateOptions withMissingKey(MissingKey value) {
        return new TemplateOptions(value, funcs, leftDelim, rightDelim);
    }

    /** Uses this function map; it must not change afterwards (parsed templates refer to it). */
    public TemplateOptions withFuncs(FuncMap value) {
        return new TemplateOptions(missingKey, value == null ? NO_FUNCS : value, leftDelim, rightDelim);
    }

    /** Go's {@code Delims}: empty or {@code null} means the default delimiter. */
    public TemplateOptions withDelims(String left, String right) {
        return new TemplateOptions(missingKey, funcs, left == null || left.isEmpty() ? "{{" : left,
                right == null || right.isEmpty() ? "}}" : right);
    }

    public MissingKey missingKey() {
        return missingKey;
    }

    public FuncMap funcs() {
        return funcs;
    }

    public String leftDelim() {
        return leftDelim;
    }

    public String rightDelim() {
        return rightDelim;
    }
}
