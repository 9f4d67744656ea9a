package io.kanisterhooks.jenkins.test

import hudson.AbortException
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException

/**
 * {@code parallel(name: { ... }, ..., failFast: true)} as workflow-cps' ParallelStep ends: a failed branch is reported
 * ("Failed in branch NAME"); when all branches have ended, the step returns the branches' values by name, or fails with
 * the first failure (with failFast) or the most severe one (any other error, then AbortException, then interruptions
 * by their result; ties by order), the other failures attached as suppressed.
 * <p>
 * JenkinsPipelineUnit runs closures one at a time, so the branches run one after the other, in the order given, each
 * in a body of its own. With failFast, a failure cancels the branches that have not ended (Jenkins interrupts the
 * branches still running): here the ones after it, whose first step throws FlowInterruptedException(ABORTED, "Failed
 * in branch NAME"). Each branch's result is kept in {@link #branchResults}.
 */
class ParallelStep {
    private final PipelineTestBase test
    /** The last parallel's branches: name -> SUCCESS, or the result their failure means (FAILURE, ABORTED...). */
    final Map<String, String> branchResults = [:]

    ParallelStep(PipelineTestBase test) {
        this.test = test
    }

    Map run(Map arguments) {
        boolean failFast = false
        Map<String, Closure> branches = [:]
        arguments.each { key, value ->
            if (value instanceof Closure) {
                branches.put(key as String, value as Closure)
            } else if (key == 'failFast' && value instanceof Boolean) {
                failFast = value
            } else {
                throw new IllegalArgumentException("Expected a closure or failFast but found ${key}=${value}")
            }
        }
        branchResults.clear()
        Map<String, Object> values = [:]
        List<Throwable> failures = []
        String failedBranch = null
        branches.each { String name, Closure branch ->
            RunningBodies.Body body = test.bodies.open('parallel branch ' + name)
            if (failFast && failedBranch != null) {
                test.bodies.cancel(body, new FlowInterruptedException('ABORTED',
                        CauseOfInterruption.failFast(failedBranch)))
            }
            try {
                Object value = test.helper.callClosure(branch)
                FlowInterruptedException unseen = test.bodies.close(body)
                if (unseen != null) {
                    throw unseen
                }
                values.put(name, value)
                branchResults.put(name, 'SUCCESS')
            } catch (Throwable t) {
                test.bodies.close(body)
                test.log("Failed in branch ${name}")
                failures << t
                branchResults.put(name, Results.of(t))
                failedBranch = failedBranch ?: name
            }
        }
        if (failures.isEmpty()) {
            return values
        }
        List<Throwable> ordered = failFast ? failures : failures.toSorted { a, b -> severity(b) <=> severity(a) }
        Throwable head = ordered[0]
        ordered.tail().each { head.addSuppressed(it) }
        throw head
    }

    /** ParallelStep.ThrowableComparator's order: any other error, then AbortException, then interruptions. */
    private static int severity(Throwable t) {
        if (t instanceof FlowInterruptedException) {
            return Results.ORDER.indexOf(t.result)
        }
        return t instanceof AbortException ? 10 : 20
    }
}
