package io.kanisterhooks.jenkins.test

import hudson.AbortException
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException

/**
 * {@code retry(n) { body }} as workflow-basic-steps' RetryStepExecution runs it: each attempt starts the body anew
 * (a new body invocation, as Jenkins' newBodyInvoker), up to {@code n} attempts. A failed attempt is reported
 * ("ERROR: message" for an AbortException, the interruption's causes, else the stack trace), then "Retrying"; an
 * actual interruption (the user's abort, an enclosing timeout) is never retried, and the last attempt's error is the
 * step's. Not modelled: {@code conditions:}.
 */
class RetryStep {
    private final PipelineTestBase test

    RetryStep(PipelineTestBase test) {
        this.test = test
    }

    Object run(Map args, Closure body) {
        if (args.conditions != null) {
            throw new UnsupportedOperationException('retry(conditions:) is not modelled by the test stand-in')
        }
        return run(args.count as int, body)
    }

    Object run(int count, Closure body) {
        int left = count
        while (true) {
            try {
                return test.helper.callClosure(body)
            } catch (Throwable t) {
                left--
                if (left <= 0 || t instanceof FlowInterruptedException && t.actualInterruption) {
                    throw t
                }
                report(t)
                test.log('Retrying')
            }
        }
    }

    private void report(Throwable t) {
        if (t instanceof AbortException) {
            test.log("ERROR: ${t.message}")
        } else if (t instanceof FlowInterruptedException) {
            test.log(t.causes*.shortDescription.join('\n'))
        } else {
            StringWriter trace = new StringWriter()
            t.printStackTrace(new PrintWriter(trace))
            test.log('ERROR: Execution failed\n' + trace)
        }
    }
}
