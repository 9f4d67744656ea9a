package io.kanisterhooks.golang.errors;

/**
 * A Go {@code error} value or a recovered Go panic, carrying Go's message text unchanged.
 *
 * <p>Java code implementing a template function or method throws it where the Go function returns a non-nil
 * error or panics; the executor reports both as {@code error calling NAME: MESSAGE}, as text/template does.
 * Comparison helpers throw it with the messages of text/template's comparison functions.
 */
public class GoError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GoError(String message) {
        super(message, null, false, false);
    }

    public GoError(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
