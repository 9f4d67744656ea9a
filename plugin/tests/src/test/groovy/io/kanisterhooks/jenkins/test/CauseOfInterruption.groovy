package io.kanisterhooks.jenkins.test

/**
 * Why a body was interrupted (jenkins.model.CauseOfInterruption): the user's abort, an exceeded timeout (which names
 * its timeout, so that the timeout recognises its own interruption), a failed branch of a {@code failFast} parallel.
 */
class CauseOfInterruption implements Serializable {
    private static final long serialVersionUID = 1L

    final String shortDescription

    CauseOfInterruption(String shortDescription) {
        this.shortDescription = shortDescription
    }

    /** The abort button: "Aborted by NAME". */
    static CauseOfInterruption userInterruption(String user) {
        return new CauseOfInterruption("Aborted by ${user}")
    }

    /** parallel's failFast: the branch that failed. */
    static CauseOfInterruption failFast(String failedBranch) {
        return new CauseOfInterruption("Failed in branch ${failedBranch}")
    }

    /** The timeout step's cause; {@code timeoutId} tells which timeout. */
    static final class ExceededTimeout extends CauseOfInterruption {
        private static final long serialVersionUID = 1L

        final String timeoutId

        ExceededTimeout(String timeoutId) {
            super('Timeout has been exceeded')
            this.timeoutId = timeoutId
        }
    }
}
