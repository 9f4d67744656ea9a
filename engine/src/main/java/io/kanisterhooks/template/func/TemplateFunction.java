package io.kanisterhooks.template.func;

import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.GoValue;
import io.kanisterhooks.golang.value.Signature;

/**
 * A function in a template's function map: its Go {@link Signature} (which drives argument conversion, arity
 * checks and Go's error texts) and its Java body. It is also a Go value of its function type, so it can be
 * passed around and invoked with the {@code call} builtin.
 */
public final class TemplateFunction implements GoValue {
    private final String name;
    private final Signature signature;
    private final FunctionBody body;
    private final GoType type;

    public TemplateFunction(String name, Signature signature, FunctionBody body) {
        this.name = name;
        this.signature = signature;
        this.body = body;
        this.type = GoType.funcOf(signature);
    }

    /** The name the function was defined under (diagnostics only; error texts use the name in the template). */
    public String name() {
        return name;
    }

    public Signature signature() {
        return signature;
    }

    /** Invokes the body with already converted arguments. */
    public Object call(Object... args) {
        return body.call(args);
    }

    @Override
    public GoType goType() {
        return type;
    }

    @Override
    public String toString() {
        return name + " " + signature;
    }
}
