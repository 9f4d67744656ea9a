package io.kanisterhooks.cli;

/** The CLI's exit codes. */
public final class ExitCodes {

    public static final int OK = 0;
    /** An action, hook or wrapped command failed, or an unexpected internal error happened. */
    public static final int FAILURE = 1;
    /** Bad input: files, options, blueprints, hook specs. Nothing was changed in the cluster. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
