package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * Recognises a build abort (the user's, or a {@code timeout} step's): Pipeline throws
 * {@code org.jenkinsci.plugins.workflow.steps.FlowInterruptedException} into the running step. It is matched by class
 * name, so that the library needs no compile-time dependency on workflow-step-api.
 */
final class Interruptions implements Serializable {
    static final String FLOW_INTERRUPTED = 'org.jenkinsci.plugins.workflow.steps.FlowInterruptedException'

    private Interruptions() {
    }

    @NonCPS
    static boolean isAbort(Throwable t) {
        return t != null && t.getClass().getName() == FLOW_INTERRUPTED
    }
}
