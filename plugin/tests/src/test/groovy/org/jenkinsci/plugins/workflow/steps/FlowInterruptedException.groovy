package org.jenkinsci.plugins.workflow.steps

import io.kanisterhooks.jenkins.test.CauseOfInterruption

/**
 * Test stand-in for workflow-step-api's FlowInterruptedException (same name and base class): what a running step
 * throws when its body is cancelled (the build is aborted, a {@code timeout} expires, a {@code failFast} parallel
 * branch failed). The library recognises it by class name. {@code actualInterruption} is false once the exception has
 * left the {@code timeout} that caused it: {@code retry} retries only those, never an actual interruption.
 */
class FlowInterruptedException extends InterruptedException {
    final String result
    final List<CauseOfInterruption> causes
    boolean actualInterruption

    FlowInterruptedException(String result, boolean actualInterruption, CauseOfInterruption... causes) {
        super("${result}: ${causes*.shortDescription.join('; ')}")
        this.result = result
        this.actualInterruption = actualInterruption
        this.causes = causes.toList()
    }

    FlowInterruptedException(String result, CauseOfInterruption... causes) {
        this(result, true, causes)
    }
}
