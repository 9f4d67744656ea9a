package io.kanisterhooks.cli;

import io.kanisterhooks.golang.time.GoDuration;
import io.kanisterhooks.golang.time.GoTimeException;
import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.SourcePosition;
import java.time.Duration;

/**
 * Duration options in Go's form ({@code 90s}, {@code 20m}, {@code 1h30m}), as Kanister and K10 write them. A bad value
 * is a problem of the option (and the default is used, so that checking can go on and report every problem).
 */
final class Durations {

    private Durations() {
    }

    static Duration positive(String option, String value, Duration dflt, Problems problems) {
        Duration d = parse(option, value, dflt, problems);
        if (d.isZero() || d.isNegative()) {
            problems.error(SourcePosition.ofFile(option), option + " must be positive, not " + value);
            return dflt;
        }
        return d;
    }

    static Duration nonNegative(String option, String value, Duration dflt, Problems problems) {
        Duration d = parse(option, value, dflt, problems);
        if (d.isNegative()) {
            problems.error(SourcePosition.ofFile(option), option + " must not be negative, not " + value);
            return dflt;
        }
        return d;
    }

    private static Duration parse(String option, String value, Duration dflt, Problems problems) {
        if (value == null) {
            return dflt;
        }
        try {
            return Duration.ofNanos(GoDuration.parse(value));
        } catch (GoTimeException e) {
            problems.error(SourcePosition.ofFile(option), option + ": " + e.getMessage()
                    + " (a Go duration, e.g. 90s, 20m, 1h30m)");
            return dflt;
        }
    }
}
