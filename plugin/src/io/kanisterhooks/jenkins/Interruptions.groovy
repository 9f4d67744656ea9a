package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * Recognises a build abort (the user's, or a {@code timeout} step's): Pipeline throws
 * {@code org.jenkinsci.plugins.workflow.steps.FlowInterruptedException} into the running step. It is matched by class
 * name, so that the library needs no compile-time dependency on workflow-step-api. A {@code timeout} step marks the
 * interruption it caused as no "actual interruption" once it has left it (what {@code retry} retries).
 */
final class Interruptions implements Serializable {
    static final String FLOW_INTERRUPTED = 'org.jenkinsci.plugins.workflow.steps.FlowInterruptedException'

    private Interruptions() {
    }

    @NonCPS
    static boolean isAbort(Throwable t) {
        return t != null && t.getClass().getName() == FLOW_INTERRUPTED
    }

    /** An interruption by a {@code timeout} step that it has left: the body took too long, nobody aborted the build. */
    @NonCPS
    static boolean isTimeout(Throwable t) {
        return isAbort(t) && t.hasProperty('actualInterruption') && t.actualInterruption == false
    }
}
