package io.kanisterhooks.golang.value;

import java.util.List;
import java.util.StringJoiner;

/**
 * The Go signature of a function or method callable from a template: parameter types (for a variadic
 * function the last parameter type is the slice {@code []T}), the result type and whether a second
 * {@code error} result exists. Templates accept only functions with one result or a result and an error.
 *
 * <p>{@link #parse(String)} reads Go's own notation, e.g. {@code func(interface {}, ...interface {}) int64} or
 * {@code func(string) (*semver.Version, error)}; {@link #toString()} prints it back the same way.
 */
public final class Signature {
    private final List<GoType> params;
    private final boolean variadic;
    private final GoType result;
    private final boolean returnsError;
    private final String text;

    private Signature(List<GoType> params, boolean variadic, GoType result, boolean returnsError) {
        this.params = List.copyOf(params);
        this.variadic = variadic;
        this.result = result;
        this.returnsError = returnsError;
        this.text = render();
    }

    /** Parses Go's notation for a function type. */
    public static Signature parse(String goSignature) {
        return new GoTypeSyntax(goSignature).parseWholeSignature();
    }

    static Signature of(List<GoType> params, boolean variadic, List<GoType> results) {
        boolean valid = results.size() == 1 || results.size() == 2 && results.get(1) == GoType.ERROR;
        if (!valid) {
            throw new IllegalArgumentException(
                    "template functions return one value, optionally followed by an error; got " + results);
        }
        return new Signature(params, variadic, results.get(0), results.size() == 2);
    }

    /** Number of declared parameters (the variadic slice counts as one). */
    public int numIn() {
        return params.size();
    }

    /** Declared type of parameter {@code i}. */
    public GoType in(int i) {
        return params.get(i);
    }

    public List<GoType> params() {
        return params;
    }

    public boolean variadic() {
        return variadic;
    }

    /** The type of argument number {@code i} of a call (the element type for variadic extras). */
    public GoType argType(int i) {
        if (variadic && i >= params.size() - 1) {
            return params.get(params.size() - 1).elem();
        }
        return params.get(i);
    }

    public GoType result() {
        return result;
    }

    public boolean returnsError() {
        return returnsError;
    }

    private String render() {
        StringJoiner in = new StringJoiner(", ", "func(", ")");
        for (int i = 0; i < params.size(); i++) {
            if (variadic && i == params.size() - 1) {
                in.add("..." + params.get(i).elem().name());
            } else {
                in.add(params.get(i).name());
            }
        }
        if (result == null) {
            return in.toString();
        }
        return in + (returnsError ? " (" + result.name() + ", error)" : " " + result.name());
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature && ((Signature) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
