package io.kanisterhooks.hooks.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One attempt of the stage command that {@code wrap} ran.
 *
 * @param problem   why it could not start (exit code 126 or 127), else null
 * @param lastLines the last lines of its output (unmasked: the reports mask them); empty when its output went to a
 *                  terminal
 * @param abortedBy the abort that stopped it ("aborted by SIGTERM"), else null
 */
public record StageAttempt(Instant started, Instant finished, int exitCode, String problem, List<String> lastLines,
                           String abortedBy) {

    public boolean succeeded() {
        return exitCode == 0 && abortedBy == null;
    }

    public Duration duration() {
        return Duration.between(started, finished);
    }
}
