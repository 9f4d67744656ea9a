package io.kanisterhooks.hooks.run;

import io.kanisterhooks.yaml.Problems;

/**
 * The run cannot be started or continued as asked — bad input (the problems of planning), or a run id or state that
 * does not fit the command (a finished run, another run's state file). Nothing was run and nothing was changed.
 */
public final class RunRefusedException extends RuntimeException {

    private final transient Problems problems;

    public RunRefusedException(String message) {
        this(message, new Problems());
    }

    public RunRefusedException(String message, Problems problems) {
        super(message);
        this.problems = problems;
    }

    /** The planning problems behind the refusal (empty when it has another reason). */
    public Problems problems() {
        return problems;
    }
}
