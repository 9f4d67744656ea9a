package io.kanisterhooks.golang.errors;

/**
 * A non-nil {@code error} returned by a ported Go function (a URL that does not parse, corrupt base64, a bad semver
 * constraint); the message is Go's {@code err.Error()}. It is checked, unlike {@link GoError}, because Go callers
 * decide what such an error becomes: a template function's error ({@link #toGoError}), a default value or a panic.
 */
public class GoException extends Exception {

    public GoException(String message) {
        super(message);
    }

    /** A computation that may fail with a Go error. */
    @FunctionalInterface
    public interface Body<T> {
        T get() throws GoException;
    }

    /** Runs the body; its Go error becomes the {@link GoError} a template function reports. */
    public static <T> T toGoError(Body<T> body) {
        try {
            return body.get();
        } catch (GoException e) {
            throw new GoError(e.getMessage());
        }
    }
}
