package io.kanisterhooks.hooks.state;

/** How a hook slot ended for one namespace. */
public enum SlotStatus {
    /** Succeeded; never run again in this run. */
    SUCCEEDED,
    /** Failed after its attempts. */
    FAILED,
    /** Stopped by an abort or by its timeout before finishing. */
    ABORTED,
    /** Not run because an earlier step decided so (e.g. onSuccess after a failure). */
    SKIPPED
}
