package io.kanisterhooks.jenkins.test

import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException

/**
 * A small model of Declarative Pipeline (JenkinsPipelineUnit 1.1 has none): {@code pipeline { agent; options;
 * parameters; stages { stage { steps { } } }; post { ... } }}. The sections are recorded first, as Declarative parses
 * the whole block before it runs; then the stages run in order until one fails (the build becomes FAILURE, or ABORTED
 * for an abort), then the post conditions in Declarative's order: always, changed, fixed, regression, aborted,
 * failure, success, unstable, unsuccessful, cleanup. An error in a post condition fails the build; the other
 * conditions still run. The stage's error is rethrown at the end, as the build ends with it.
 *
 * Not modelled: when, environment, matrix, parallel stages, stage-level post and agent/option semantics.
 */
class DeclarativeShim {
    static final List<String> CONDITIONS = ['always', 'changed', 'fixed', 'regression', 'aborted', 'failure',
            'success', 'unstable', 'unsuccessful', 'cleanup']

    private final PipelineTestBase test
    private Closure stages
    private Map<String, Closure> post = [:]
    private boolean recordingPost
    /** The conditions that ran, in order (for assertions). */
    final List<String> ranConditions = []

    DeclarativeShim(PipelineTestBase test) {
        this.test = test
    }

    void register() {
        def helper = test.helper
        helper.registerAllowedMethod('pipeline', [Closure], { Closure c -> run(c) })
        helper.registerAllowedMethod('agent', [Object], { Object a -> null })
        helper.registerAllowedMethod('agent', [Closure], { Closure c -> null })
        helper.registerAllowedMethod('options', [Closure], { Closure c -> null })
        helper.registerAllowedMethod('parameters', [Closure], { Closure c -> helper.callClosure(c) })
        helper.registerAllowedMethod('parameters', [List], { List l -> null })
        helper.registerAllowedMethod('properties', [List], { List l -> null })
        helper.registerAllowedMethod('string', [Map], { Map m -> parameter(m) })
        helper.registerAllowedMethod('booleanParam', [Map], { Map m -> parameter(m) })
        helper.registerAllowedMethod('stages', [Closure], { Closure c -> stages = c })
        helper.registerAllowedMethod('steps', [Closure], { Closure c -> helper.callClosure(c) })
        helper.registerAllowedMethod('script', [Closure], { Closure c -> helper.callClosure(c) })
        helper.registerAllowedMethod('post', [Closure], { Closure c ->
            recordingPost = true
            try {
                helper.callClosure(c)
            } finally {
                recordingPost = false
            }
        })
        CONDITIONS.each { String condition ->
            helper.registerAllowedMethod(condition, [Closure], { Closure c ->
                if (!recordingPost) {
                    throw new IllegalStateException("${condition} { } outside post { }")
                }
                post[condition] = c
            })
        }
    }

    /** string(name:, defaultValue:) in parameters: the default unless the build was started with a value. */
    Object parameter(Map m) {
        if (m.name != null && !test.params.containsKey(m.name)) {
            test.params[m.name as String] = m.defaultValue
        }
        if (m.credentialsId != null) {
            return [binding: 'string'] + m // withCredentials([string(...)])
        }
        return m
    }

    Object run(Closure pipeline) {
        def helper = test.helper
        stages = null
        post = [:]
        helper.callClosure(pipeline)
        Throwable failure = null
        try {
            if (stages != null) {
                helper.callClosure(stages)
            }
        } catch (Throwable t) {
            failure = t
            test.setResult(t instanceof FlowInterruptedException ? 'ABORTED' : 'FAILURE')
        }
        Throwable postFailure = null
        CONDITIONS.each { String condition ->
            if (post[condition] != null && applies(condition)) {
                ranConditions << condition
                try {
                    helper.callClosure(post[condition])
                } catch (Throwable t) {
                    test.setResult('FAILURE')
                    postFailure = postFailure ?: t
                }
            }
        }
        if (failure != null || postFailure != null) {
            throw failure ?: postFailure
        }
        return null
    }

    boolean applies(String condition) {
        String result = test.buildResult
        switch (condition) {
            case 'always':
            case 'cleanup':
                return true
            case 'aborted':
                return result == 'ABORTED'
            case 'failure':
                return result == 'FAILURE'
            case 'success':
                return result == 'SUCCESS'
            case 'unstable':
                return result == 'UNSTABLE'
            case 'unsuccessful':
                return result != 'SUCCESS'
            default:
                return false // changed, fixed, regression: no previous build here
        }
    }
}
