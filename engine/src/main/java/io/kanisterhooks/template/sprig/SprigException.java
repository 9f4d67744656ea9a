package io.kanisterhooks.template.sprig;

/**
 * An error a sprig function returns as its Go {@code error} result; the message is Go's {@code err.Error()}.
 */
public class SprigException extends Exception {

    public SprigException(String message) {
        super(message);
    }
}
