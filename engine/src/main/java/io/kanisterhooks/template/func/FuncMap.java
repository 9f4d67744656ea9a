package io.kanisterhooks.template.func;

import io.kanisterhooks.golang.value.Signature;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A template function map, like Go's {@code template.FuncMap}: names to {@link TemplateFunction}s. Entries
 * shadow builtins of the same name (sprig's {@code slice} replaces the builtin {@code slice}); only the
 * builtin {@code and}/{@code or} short-circuit.
 *
 * <pre>{@code
 * FuncMap funcs = new FuncMap()
 *     .define("upper", "func(string) string", args -> ((String) args[0]).toUpperCase(Locale.ROOT))
 *     .define("add", "func(...interface {}) int64", args -> sum(args))
 *     .define("fail", "func(string) (string, error)", args -> { throw new GoError((String) args[0]); });
 * }</pre>
 *
 * Build a map once and share it: parsed templates keep a reference, and lookups happen at parse time.
 */
public final class FuncMap {
    private final Map<String, TemplateFunction> functions = new LinkedHashMap<>();

    /**
     * Defines a function.
     *
     * @param goSignature the Go signature, e.g. {@code "func(int, string) string"} or
     *     {@code "func(string) (*semver.Version, error)"}; named types must be defined before
     * @throws IllegalArgumentException if the name is not a Go identifier or the signature is invalid
     */
    public FuncMap define(String name, String goSignature, FunctionBody body) {
        return define(name, Signature.parse(goSignature), body);
    }

    public FuncMap define(String name, Signature signature, FunctionBody body) {
        return put(name, new TemplateFunction(name, signature, body));
    }

    public FuncMap put(String name, TemplateFunction function) {
        if (!isIdentifier(name)) {
            throw new IllegalArgumentException("function name \"" + name + "\" is not a valid identifier");
        }
        functions.put(name, function);
        return this;
    }

    /** Adds every entry of another map (later entries win, like Go's {@code Funcs}). */
    public FuncMap putAll(FuncMap other) {
        functions.putAll(other.functions);
        return this;
    }

    /** The function with this name, or {@code null}. */
    public TemplateFunction get(String name) {
        return functions.get(name);
    }

    public boolean contains(String name) {
        return functions.containsKey(name);
    }

    public Map<String, TemplateFunction> asMap() {
        return Collections.unmodifiableMap(functions);
    }

    private static boolean isIdentifier(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            boolean ok = c == '_' || Character.isLetter(c) || i > 0 && Character.isDigit(c);
            if (!ok) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
