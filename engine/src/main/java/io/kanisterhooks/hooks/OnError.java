package io.kanisterhooks.hooks;

import java.util.Locale;
import java.util.Optional;

/**
 * What a hook's final failure does to the run ({@code onError} in a hook, as Velero's hooks spell it): {@link #FAIL}
 * (K10's behaviour and the default) makes it a failure like any other; {@link #CONTINUE} records it as a failure that
 * the run went on from — the stage runs after such a preHook, onSuccess is not followed by onFailure, and the run's
 * outcome (exit code) is not failed by it. An abort is never continued.
 */
public enum OnError {
    FAIL("Fail"),
    CONTINUE("Continue");

    private final String spelling;

    OnError(String spelling) {
        this.spelling = spelling;
    }

    /** How hook specs write it: {@code Fail}, {@code Continue}. */
    public String spelling() {
        return spelling;
    }

    /** {@code Fail} or {@code Continue}, also in lower case (the CLI's {@code --on-error fail}). */
    public static Optional<OnError> parse(String text) {
        for (OnError e : values()) {
            if (e.spelling.equals(text) || e.spelling.toLowerCase(Locale.ROOT).equals(text)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
