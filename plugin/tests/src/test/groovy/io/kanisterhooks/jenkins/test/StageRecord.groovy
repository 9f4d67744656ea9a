package io.kanisterhooks.jenkins.test

/**
 * What a stage did, for assertions: its result (SUCCESS, or the worst of its warnings, unstable/catchError, and of the
 * error that ended it), why it was skipped (Declarative's StageStatus: SKIPPED_FOR_CONDITIONAL, SKIPPED_FOR_FAILURE,
 * SKIPPED_FOR_UNSTABLE), the agent it ran on, and the post conditions that ran for it.
 */
class StageRecord {
    final String name
    final String parent
    String result = 'SUCCESS'
    /** The worst result unstable, catchError(stageResult:) and warnError gave the stage (its WarningActions). */
    String warning
    String skipped
    String agent
    final List<String> post = []

    StageRecord(String name, String parent) {
        this.name = name
        this.parent = parent
    }

    void warn(String result) {
        warning = Results.combine(warning, result)
        this.result = Results.combine(this.result, result)
    }

    /** The stage ended with {@code t} (a skipped stage stays skipped: the error is an earlier stage's). */
    void failed(Throwable t) {
        if (skipped == null) {
            result = Results.combine(result, Results.of(t))
        }
    }

    @Override
    String toString() {
        return "${name}: ${skipped ?: result}${agent ? ' on ' + agent : ''}${post ? ' post ' + post : ''}"
    }
}
