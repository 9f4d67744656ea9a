package io.kanisterhooks.hooks.claims;

/** A namespace this run needs is claimed by another run (or cannot be claimed): nothing was run. */
public final class ClaimException extends Exception {

    public ClaimException(String message) {
        super(message);
    }
}
