package io.kanisterhooks.action;

/** Kanister's phase states (ActionSet status), plus what a phase never reached. */
public enum PhaseState {
    PENDING, RUNNING, COMPLETE, FAILED;

    public String lower() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
