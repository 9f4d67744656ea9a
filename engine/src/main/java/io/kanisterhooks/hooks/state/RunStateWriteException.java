package io.kanisterhooks.hooks.state;

/** The run state could not be written: the run cannot promise what it recorded, so it stops and cleans up. */
public final class RunStateWriteException extends RuntimeException {

    public RunStateWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
