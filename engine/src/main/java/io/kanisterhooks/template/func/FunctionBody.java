package io.kanisterhooks.template.func;

/**
 * Java implementation of a template function. The executor has already checked the arity and converted the
 * arguments to the declared parameter types the way text/template does, so the body can cast them.
 */
@FunctionalInterface
public interface FunctionBody {
    /**
     * @param args one value per argument of the call, converted to the declared parameter type (for
     *     {@code interface {}} parameters: any value, {@code null} for nil); for a variadic function the
     *     variadic arguments follow the fixed ones, one array element each
     * @return the Go result in the value model; {@code null} for a nil result of an interface, pointer, slice or
     *     map type (the executor turns it into the typed nil)
     * @throws io.kanisterhooks.golang.errors.GoError where the Go function returns an error or panics
     */
    Object call(Object[] args);
}
