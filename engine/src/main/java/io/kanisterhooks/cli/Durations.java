package io.kanisterhooks.cli;

import io.kanisterhooks.golang.time.GoDuration;
import io.kanisterhooks.golang.time.GoTimeException;
import java.time.Duration;

/** Duration options in Go's form ({@code 90s}, {@code 20m}, {@code 1h30m}), as Kanister and K10 write them. */
final class Durations {

    private Durations() {
    }

    static Duration positive(String option, String value, Duration dflt) {
        Duration d = parse(option, value, dflt);
        if (d.isZero() || d.isNegative()) {
            throw new UserInputException(option + " must be positive, not " + value);
        }
        return d;
    }

    static Duration nonNegative(String option, String value, Duration dflt) {
        Duration d = parse(option, value, dflt);
        if (d.isNegative()) {
            throw new UserInputException(option + " must not be negative, not " + value);
        }
        return d;
    }

    private static Duration parse(String option, String value, Duration dflt) {
        if (value == null) {
            return dflt;
        }
        try {
            return Duration.ofNanos(GoDuration.parse(value));
        } catch (GoTimeException e) {
            throw new UserInputException(option + ": " + e.getMessage() + " (a Go duration, e.g. 90s, 20m, 1h30m)");
        }
    }
}
