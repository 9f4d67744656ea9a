package io.kanisterhooks.functions;

import java.util.List;

/** A phase failed; the message is what the user reads (Kanister's wording where Kanister has one). */
public class PhaseException extends Exception {

    private final List<String> logTail;

    public PhaseException(String message) {
        this(message, List.of());
    }

    public PhaseException(String message, List<String> logTail) {
        super(message);
        this.logTail = List.copyOf(logTail);
    }

    public PhaseException(String message, Throwable cause) {
        super(message, cause);
        this.logTail = List.of();
    }

    /** The last log lines of the phase's pod or command, when there were any. */
    public List<String> logTail() {
        return logTail;
    }
}
