package io.kanisterhooks.golang.time;

/** An error of Go's time package; the message is Go's {@code err.Error()} text. */
public final class GoTimeException extends Exception {

    public GoTimeException(String message) {
        super(message);
    }
}
