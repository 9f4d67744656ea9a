package io.kanisterhooks.cancel;

/** The action was aborted or ran past its deadline. */
public final class CancelledException extends Exception {

    public CancelledException(String reason) {
        super(reason);
    }
}
