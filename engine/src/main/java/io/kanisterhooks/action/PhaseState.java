package io.kanisterhooks.action;

import java.util.Locale;

/** Kanister's phase states (ActionSet status), plus what a phase never reached. */
public enum PhaseState {
    PENDING, RUNNING, COMPLETE, FAILED;

    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }
}
