package io.kanisterhooks.hooks.state;

/** A stored run state is unusable (not ours, another version, corrupt) or the run cannot be used as asked. */
public final class StateException extends Exception {

    public StateException(String message) {
        super(message);
    }
}
