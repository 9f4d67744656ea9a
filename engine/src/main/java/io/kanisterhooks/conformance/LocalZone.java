package io.kanisterhooks.conformance;

import io.kanisterhooks.golang.time.GoLocation;
import io.kanisterhooks.golang.time.GoTimeException;

import java.util.function.Supplier;

/**
 * Runs code with a zone installed as Go's {@code time.Local}, which sprig's {@code date}, {@code toDate} and friends use
 * (Kanister's controller normally runs in UTC). {@code time.Local} is process-wide in Go and here, so this is for
 * sequential use (the conformance corpus pins a zone per case).
 */
final class LocalZone {

    private LocalZone() {
    }

    static <T> T with(String zone, Supplier<T> action) {
        GoLocation previous = GoLocation.local();
        try {
            GoLocation.setLocal(GoLocation.load(zone));
        } catch (GoTimeException e) {
            throw new IllegalArgumentException("unknown time zone " + zone, e);
        }
        try {
            return action.get();
        } finally {
            GoLocation.setLocal(previous);
        }
    }
}
