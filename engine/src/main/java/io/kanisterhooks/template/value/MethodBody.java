package io.kanisterhooks.template.value;

/** Java implementation of a Go method: receives the receiver and the already converted arguments. */
@FunctionalInterface
public interface MethodBody {
    /**
     * @param receiver the value the method is called on (for a pointer type, the pointer value)
     * @param args one converted argument per parameter (variadic extras follow the fixed ones)
     * @return the Go result in the value model
     * @throws GoError for a returned Go error or a panic
     */
    Object invoke(Object receiver, Object[] args);
}
