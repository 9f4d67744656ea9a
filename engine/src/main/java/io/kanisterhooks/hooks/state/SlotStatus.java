package io.kanisterhooks.hooks.state;

/** How a hook slot stands for one namespace. */
public enum SlotStatus {
    /** Started and not finished: recorded before the first pod is created, so a crash leaves a trace. */
    RUNNING,
    /** Succeeded; never run again in this run. */
    SUCCEEDED,
    /** Failed after its attempts. */
    FAILED,
    /** Failed after its attempts, and its {@code onError: Continue} let the run go on as if it had succeeded. */
    CONTINUED,
    /** Stopped by an abort or by its timeout before finishing. */
    ABORTED,
    /** Not run because an earlier step decided so (e.g. onSuccess after a failure). */
    SKIPPED;

    /** Finished one way or another (not {@link #RUNNING}). */
    public boolean finished() {
        return this != RUNNING;
    }
}
