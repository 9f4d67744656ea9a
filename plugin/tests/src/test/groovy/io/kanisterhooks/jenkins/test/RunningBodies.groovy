package io.kanisterhooks.jenkins.test

import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException

/**
 * The bodies of block steps that are running (the whole build, a {@code timeout}'s body, a parallel branch), and the
 * step that is waiting in them right now (a running {@code sh}): what Jenkins acts on when it interrupts a build.
 * <ul>
 * <li>{@link #cancel} is BodyExecution.cancel (the abort button, a timeout that expires, a failed branch of a failFast
 * parallel): the waiting step is stopped (a {@code sh}'s processes get SIGTERM, and the step fails with the
 * FlowInterruptedException once they have ended); with no step waiting, the next step the body calls throws it (as
 * workflow-cps stops the CPS thread), or else the end of the body does.</li>
 * <li>{@link #terminate} is the timeout's "terminating with extreme prejudice": the waiting step fails at once,
 * without waiting for its processes (the stand-in kills them, SIGKILL).</li>
 * </ul>
 * JenkinsPipelineUnit runs closures one at a time (parallel branches too), so the open bodies form a stack and at most
 * one step waits; timers and the abort button act from other threads, hence the lock.
 */
class RunningBodies {
    private final Object lock = new Object()
    private final List<Body> open = []
    private WaitingStep waiting

    /** One running body; {@code pending} is an interruption that reached it between two steps. */
    static class Body {
        final String name
        private FlowInterruptedException pending

        Body(String name) {
            this.name = name
        }
    }

    /** A step that waits for something outside the flow (a process): it can be stopped, or killed. */
    interface WaitingStep {
        /** Ask it to stop (SIGTERM); the step then fails with {@code cause}. */
        void stop(FlowInterruptedException cause)

        /** Make it fail with {@code cause} at once, whatever it waits for (SIGKILL). */
        void kill(FlowInterruptedException cause)
    }

    Body open(String name) {
        synchronized (lock) {
            Body body = new Body(name)
            open << body
            return body
        }
    }

    /** Ends {@code body}; returns the interruption that reached it after its last step (it ends with it), or null. */
    FlowInterruptedException close(Body body) {
        synchronized (lock) {
            open.remove(body)
            FlowInterruptedException unseen = body.pending
            body.pending = null
            return unseen
        }
    }

    void cancel(Body body, FlowInterruptedException cause) {
        interrupt(body, cause, false)
    }

    void terminate(Body body, FlowInterruptedException cause) {
        interrupt(body, cause, true)
    }

    private void interrupt(Body body, FlowInterruptedException cause, boolean force) {
        synchronized (lock) {
            if (!open.contains(body)) {
                return // it ended meanwhile
            }
            if (waiting != null) {
                force ? waiting.kill(cause) : waiting.stop(cause)
            } else if (body.pending == null) {
                body.pending = cause
            }
        }
    }

    /** As a step starts: an interruption that reached a running body between two steps is thrown now. */
    void beforeStep() {
        FlowInterruptedException pending = null
        synchronized (lock) {
            for (Body body : open) {
                if (body.pending != null) {
                    pending = body.pending
                    body.pending = null
                    break
                }
            }
        }
        if (pending != null) {
            throw pending
        }
    }

    /** Runs {@code step}'s {@code wait}: while it waits, cancel and terminate reach the step. */
    Object whileWaiting(WaitingStep step, Closure wait) {
        beforeStep()
        synchronized (lock) {
            waiting = step
        }
        try {
            return wait.call()
        } finally {
            synchronized (lock) {
                waiting = null
            }
        }
    }
}
