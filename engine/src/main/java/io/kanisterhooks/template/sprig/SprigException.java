package io.kanisterhooks.template.sprig;

import io.kanisterhooks.template.value.GoError;

/**
 * An error a sprig building block returns where the Go function returns a non-nil {@code error}; the message is
 * Go's {@code err.Error()}. Function bodies turn it into the template's error with {@link #toGoError}.
 */
public class SprigException extends Exception {

    public SprigException(String message) {
        super(message);
    }

    /** A computation that may fail with a Go error. */
    @FunctionalInterface
    interface Body<T> {
        T get() throws SprigException;
    }

    /** Runs the body; its Go error becomes the {@link GoError} the template reports. */
    static <T> T toGoError(Body<T> body) {
        try {
            return body.get();
        } catch (SprigException e) {
            throw new GoError(e.getMessage());
        }
    }
}
