package io.kanisterhooks.template.func;

import io.kanisterhooks.golang.value.Signature;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
 * Build a map once and share it: parsed templates keep a reference, and lookups happen at parse time. A shared map
 * is safe to read from many threads once built; functions declared with {@link #defineLater} are defined, once, by
 * the first lookup that needs them.
 */
public final class FuncMap {
    /** Each name's {@link TemplateFunction}, or the {@link DeferredFunctions} that will define it. */
    private final Map<String, Object> entries = new LinkedHashMap<>();

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
        entries.put(checkedName(name), function);
        return this;
    }

    /**
     * Declares functions that {@code definitions} defines, into a map of their own, when one of them is first looked
     * up: a map of many functions costs its users only the ones their templates name (each function body is a
     * lambda, and linking one costs a fresh JVM ≈ 0.2 ms; sprig has 150). {@code names} must be exactly the names
     * {@code definitions} defines; that is checked when they are defined.
     */
    public FuncMap defineLater(List<String> names, Consumer<FuncMap> definitions) {
        DeferredFunctions deferred = new DeferredFunctions(names, definitions);
        for (String name : names) {
            entries.put(checkedName(name), deferred);
        }
        return this;
    }

    /** Adds every entry of another map (later entries win, like Go's {@code Funcs}). */
    public FuncMap putAll(FuncMap other) {
        entries.putAll(other.entries);
        return this;
    }

    /** The function with this name, or {@code null}. */
    public TemplateFunction get(String name) {
        Object entry = entries.get(name);
        return entry instanceof DeferredFunctions deferred ? deferred.function(name) : (TemplateFunction) entry;
    }

    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** Every function, in the order they were added (this defines the deferred ones). */
    public Map<String, TemplateFunction> asMap() {
        Map<String, TemplateFunction> all = new LinkedHashMap<>();
        entries.keySet().forEach(name -> all.put(name, get(name)));
        return Collections.unmodifiableMap(all);
    }

    private static String checkedName(String name) {
        if (!isIdentifier(name)) {
            throw new IllegalArgumentException("function name \"" + name + "\" is not a valid identifier");
        }
        return name;
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
