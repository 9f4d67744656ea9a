package org.jenkinsci.plugins.workflow.steps

/**
 * Test stand-in for workflow-step-api's FlowInterruptedException (same name and base class): what the running step
 * throws when the build is aborted or a {@code timeout} expires. The library recognises it by class name.
 */
class FlowInterruptedException extends InterruptedException {
    final String result
    final String interruptionCause

    FlowInterruptedException(String result, String cause) {
        super("${result}: ${cause}")
        this.result = result
        this.interruptionCause = cause
    }
}
