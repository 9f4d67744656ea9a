package io.kanisterhooks.golang.value;

/** Java implementation of a Go method: receives the receiver and the already converted arguments. */
@FunctionalInterface
public interface MethodBody {
    /**
     * @param receiver the value the method is called on; a {@link GoPointer} receiver is passed as the value it
     *     points to (a call on a nil pointer fails before reaching the body), other values as they are
     * @param args one converted argument per parameter (variadic extras follow the fixed ones)
     * @return the Go result in the value model
     * @throws GoError for a returned Go error or a panic
     */
    Object invoke(Object receiver, Object[] args);
}
