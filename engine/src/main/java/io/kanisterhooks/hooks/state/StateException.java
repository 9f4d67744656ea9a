package io.kanisterhooks.hooks.state;

/** The run-state file is unusable (wrong version, corrupt, or written for other hooks). */
public final class StateException extends Exception {

    public StateException(String message) {
        super(message);
    }
}
