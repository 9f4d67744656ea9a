package io.kanisterhooks.yaml;

import java.nio.file.Path;

/** A file the user named cannot be used: missing, unreadable, too large, not text. Always carries its place. */
public final class InputException extends Exception {

    private final SourcePosition position;

    public InputException(SourcePosition position, String message) {
        super(message);
        this.position = position;
    }

    InputException(Path file, String message) {
        this(SourcePosition.ofFile(file.toString()), message);
    }

    public SourcePosition position() {
        return position;
    }

    /** As one line of a report: {@code file: message} or {@code file:line:col: message}. */
    @Override
    public String toString() {
        return position + ": " + getMessage();
    }
}
