package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * One call of a library step: the calling script (which runs the steps), and the named parameters, read and checked
 * before anything runs. A subclass reads its parameters in {@link #configure}; a problem fails the step with
 * {@code error("STEP: problem")}, naming the parameter.
 */
abstract class StepCall implements Serializable {
    private static final long serialVersionUID = 1L

    /** The script that called the step: {@code sh}, {@code echo}, {@code error}... are called on it. */
    protected final Object script
    private final String step
    private final List<String> parameterNames
    private final Map<String, Object> parameters

    protected StepCall(Object script, String step, List<String> parameterNames, Map parameters) {
        this.script = script
        this.step = step
        this.parameterNames = parameterNames
        this.parameters = parameters == null ? [:] : new LinkedHashMap<String, Object>(parameters)
    }

    /** Reads the parameters with {@link #configure}; fails the step when they are not right. */
    protected void readParameters() {
        String problem = parameterProblem()
        if (problem != null) {
            script.error(problem)
        }
    }

    /**
     * Takes the step's parameters (only known names get here). Throws {@link IllegalArgumentException} with a
     * message that names the parameter. Runs without CPS: no steps here.
     */
    @NonCPS
    protected abstract void configure(StepArguments args)

    /**
     * The problem with the parameters, {@code STEP: problem}, or null. (Not private, and reading the private fields
     * itself: CPS-transformed code calls methods and reads fields on the subclass, where private ones are not seen.)
     */
    @NonCPS
    protected String parameterProblem() {
        try {
            StepArguments args = new StepArguments(step, parameters)
            args.allowOnly(parameterNames)
            configure(args)
            return null
        } catch (IllegalArgumentException e) {
            return step + ': ' + e.message
        }
    }
}
