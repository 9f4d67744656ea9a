package io.kanisterhooks.jenkins.test

import hudson.AbortException
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException

/**
 * The steps that set results, as workflow-basic-steps runs them:
 * <ul>
 * <li>{@code error(message)} throws AbortException(message); it sets no result itself (the build ends FAILURE when
 * the error ends it);</li>
 * <li>{@code unstable(message)}: "WARNING: message", the build UNSTABLE (results only get worse) and the stage's
 * result UNSTABLE;</li>
 * <li>{@code catchError(message:, buildResult: 'FAILURE', stageResult: 'SUCCESS', catchInterruptions: true) { }}: an
 * error of the body is logged and swallowed; the build's result becomes buildResult and the stage's stageResult (an
 * interruption: its own result, for both); with catchInterruptions false, an actual interruption passes through;</li>
 * <li>{@code warnError(message) { }} is catchError(message:, buildResult: 'UNSTABLE', stageResult: 'UNSTABLE').</li>
 * </ul>
 */
class ResultSteps {
    private final PipelineTestBase test

    ResultSteps(PipelineTestBase test) {
        this.test = test
    }

    void error(Object message) {
        throw new AbortException(message as String)
    }

    void unstable(String message) {
        test.log("WARNING: ${message}")
        test.stageWarning('UNSTABLE')
        test.setResult('UNSTABLE')
    }

    Object catchError(Map options, Closure body) {
        boolean catchInterruptions = options.containsKey('catchInterruptions') ? options.catchInterruptions : true
        try {
            test.helper.callClosure(body)
        } catch (Throwable t) {
            if (!catchInterruptions && t instanceof FlowInterruptedException && t.actualInterruption) {
                throw t
            }
            caught(t, options.message as String, resultOption(options, 'buildResult', 'FAILURE'),
                    resultOption(options, 'stageResult', 'SUCCESS'))
        }
        return null
    }

    Object warnError(Map options, Closure body) {
        boolean catchInterruptions = options.containsKey('catchInterruptions') ? options.catchInterruptions : true
        return catchError([message: options.message, buildResult: 'UNSTABLE', stageResult: 'UNSTABLE',
                catchInterruptions: catchInterruptions], body)
    }

    private void caught(Throwable t, String message, String buildResult, String stageResult) {
        if (message != null) {
            test.log("ERROR: ${message}")
        }
        if (t instanceof AbortException) {
            test.log("ERROR: ${t.message}")
        } else if (t instanceof FlowInterruptedException) {
            test.log(t.causes*.shortDescription.join('\n'))
            buildResult = t.result
            stageResult = t.result
        } else {
            StringWriter trace = new StringWriter()
            t.printStackTrace(new PrintWriter(trace))
            test.log(trace.toString())
        }
        if (Results.isWorseThan(buildResult, 'SUCCESS')) {
            String current = test.build.result
            if (current == null || Results.isWorseThan(buildResult, current)) {
                test.log("Setting overall build result to ${buildResult}")
            }
            test.setResult(buildResult)
        }
        if (Results.isWorseThan(stageResult, 'SUCCESS')) {
            test.stageWarning(stageResult)
        }
    }

    /** A result option: absent means the default, null or SUCCESS means "leave it". */
    private static String resultOption(Map options, String name, String dflt) {
        return options.containsKey(name) ? (Results.named(options.get(name)) ?: 'SUCCESS') : dflt
    }
}
