package io.kanisterhooks.hooks.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The stage, as far as this invocation knows it. */
public sealed interface StageReport permits StageReport.Wrapped, StageReport.Outside {

    /** Whether the stage succeeded (as run here, or as the caller reported it). */
    boolean succeeded();

    /**
     * {@code wrap} ran the command in this process: every attempt, none when it did not start (the preHook failed,
     * or an abort came first).
     */
    record Wrapped(List<String> command, List<StageAttempt> attempts) implements StageReport {

        public Wrapped {
            command = List.copyOf(command);
            attempts = List.copyOf(attempts);
        }

        public String shown() {
            return ShellQuoting.join(command);
        }

        public StageAttempt last() {
            return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        }

        @Override
        public boolean succeeded() {
            return last() != null && last().succeeded();
        }

        /** From the first attempt's start to the last one's end (retry pauses included). */
        public Duration duration() {
            return attempts.isEmpty() ? Duration.ZERO
                    : Duration.between(attempts.get(0).started(), last().finished());
        }
    }

    /**
     * {@code hooks post}: the caller ran the stage, somewhere between the end of the preHooks ({@code from}, null
     * when unknown) and the start of this invocation ({@code to}); {@code succeeded} is what the caller reported.
     */
    record Outside(Instant from, Instant to, boolean succeeded) implements StageReport {
    }
}
