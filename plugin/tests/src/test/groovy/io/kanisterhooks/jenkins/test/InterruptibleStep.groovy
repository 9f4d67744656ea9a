package io.kanisterhooks.jenkins.test

/**
 * A step mock that lets an interruption through first: an interruption that reached the running body between two
 * steps is thrown by the next step (see {@link RunningBodies#beforeStep}). Takes the same arguments as the mock it
 * wraps, so that JenkinsPipelineUnit calls it the same way.
 */
class InterruptibleStep extends Closure {
    private final Closure step
    private final RunningBodies bodies

    InterruptibleStep(Closure step, RunningBodies bodies) {
        super(step.owner, step.thisObject)
        // direct field access: on a closure, a property of "this" resolves to its owner
        this.@step = step
        this.@bodies = bodies
        this.@maximumNumberOfParameters = step.maximumNumberOfParameters
        this.@parameterTypes = step.parameterTypes
    }

    @Override
    void setDelegate(Object delegate) {
        this.@step.delegate = delegate
    }

    @Override
    Object call(Object... args) {
        this.@bodies.beforeStep()
        return this.@step.call(*args)
    }
}
