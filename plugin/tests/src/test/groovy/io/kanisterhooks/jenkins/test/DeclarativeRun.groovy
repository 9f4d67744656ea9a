package io.kanisterhooks.jenkins.test

import hudson.AbortException
import org.jenkinsci.plugins.workflow.steps.MissingContextVariableException

/**
 * Runs a Declarative pipeline as pipeline-model-definition's ModelInterpreter does.
 * <ul>
 * <li>The pipeline: its agent, then its environment (credentials bound like withCredentials, the other values like
 * withEnv), then its options' wrappers (timeout, retry: the first written wraps the others) around the stages AND
 * the post section; so a pipeline retry runs stages and post again, and a pipeline timeout covers the post too.</li>
 * <li>Stages run in order; after a failed stage the others are skipped ("Stage "X" skipped due to earlier
 * failure(s)", SKIPPED_FOR_FAILURE), as after an UNSTABLE build with skipStagesAfterUnstable. A stage: when (unless
 * beforeOptions), options' wrappers, [when, if beforeInput], then for parallel stages when, environment and the
 * branches (the SAME parallel stand-in as the step, failFast from the stage or parallelsAlwaysFailFast), else [when,
 * if beforeAgent], the agent, when, environment, then nested stages or the steps. A stage whose when does not hold
 * is skipped ("Stage "X" skipped due to when conditional", SKIPPED_FOR_CONDITIONAL) and its post does not run.</li>
 * <li>A stage's post runs inside its agent, environment and wrappers, after its steps, with the steps' error; a
 * parallel or nested-stages parent's post after its children.</li>
 * <li>post conditions run in {@link PostConditions#ORDER}; while one runs, the build's result is the combined
 * result it was chosen by (so a stage's failure makes the build FAILURE for its post), and it gets its own back
 * afterwards unless the condition changed it. An error in a condition is logged ("Error when executing X post
 * condition:"), counts for the conditions after it, and fails the stage or pipeline; the others still run.</li>
 * <li>A step that needs a workspace outside any agent (agent none) fails with "Attempted to execute a step that
 * requires a node context while 'agent none' was specified...".</li>
 * </ul>
 */
class DeclarativeRun {
    static final String POST_STAGE = 'Declarative: Post Actions'
    static final String NO_NODE_CONTEXT = 'Attempted to execute a step that requires a node context while ‘agent ' +
            'none’ was specified. Be sure to specify your own ‘node { ... }’ blocks when using ‘agent none’.'

    private final PipelineTestBase test
    private final WhenConditions when
    private final List<String> ranConditions
    private PipelineDefinition root

    DeclarativeRun(PipelineTestBase test, WhenConditions when, List<String> ranConditions) {
        this.test = test
        this.when = when
        this.ranConditions = ranConditions
    }

    void run(PipelineDefinition pipeline) {
        root = pipeline
        Throwable firstError = null
        boolean postRan = false
        try {
            inAgent(root.agent) {
                withEnvironment(root.environment) {
                    inWrappers(root.options.wrappers) {
                        firstError = null // a retried pipeline starts afresh
                        firstError = runStages(root.stages, null, null, null)
                        try {
                            postRan = true
                            runPostBuild(firstError)
                        } catch (Throwable e) {
                            firstError = firstError ?: e
                        }
                        if (firstError != null) {
                            throw firstError
                        }
                    }
                }
            }
        } catch (Throwable e) {
            firstError = firstError ?: e
        } finally {
            if (!postRan) {
                try {
                    runPostBuild(firstError)
                } catch (Throwable e) {
                    firstError = firstError ?: e
                }
            }
        }
        if (firstError != null) {
            throw firstError
        }
    }

    /** evaluateSequentialStages: returns the first error of these stages (or the one before them). */
    private Throwable runStages(List<StageDefinition> stages, Throwable earlierError, StageDefinition parent,
            String skipped) {
        Throwable firstError = earlierError
        try {
            stages.each { StageDefinition stage ->
                try {
                    runStage(stage, firstError, parent, skipped)
                } catch (Throwable e) {
                    firstError = firstError ?: e
                }
            }
        } finally {
            if (skipped == null && parent != null && anyConditionMet(parent.post, firstError, parent.name)) {
                test.log('Post stage')
                firstError = runPostConditions(parent.post, agentOf(parent), firstError, parent.name)
            }
        }
        return firstError
    }

    /** evaluateStage */
    private void runStage(StageDefinition stage, Throwable earlierError, StageDefinition parent, String skippedAs) {
        test.inStage(stage.name) {
            Throwable firstError = earlierError
            String skipped = skippedAs
            try {
                if (skipped == null && firstError != null) {
                    skipped = 'SKIPPED_FOR_FAILURE'
                } else if (skipped == null && test.build.result == 'UNSTABLE' &&
                        root.options.flags.contains('skipStagesAfterUnstable')) {
                    skipped = 'SKIPPED_FOR_UNSTABLE'
                }
                if (skipped != null) {
                    skip(stage, firstError, skipped)
                } else {
                    WhenPhases phases = new WhenPhases(stage.when)
                    if (phases.passedOrLater('beforeOptions')) {
                        inWrappers(stage.options.wrappers) {
                            if (phases.passedOrLater('beforeInput')) {
                                runStageBody(stage, phases, firstError)
                            }
                        }
                    }
                    if (!phases.passed) {
                        skipped = 'SKIPPED_FOR_CONDITIONAL'
                        skip(stage, firstError, skipped)
                    }
                }
            } catch (Throwable e) {
                test.currentStage.failed(e)
                firstError = firstError ?: e
            } finally {
                if (skipped == null && stage.parallel != null && anyConditionMet(stage.post, firstError, stage.name)) {
                    test.log('Post stage')
                    firstError = runPostConditions(stage.post, agentOf(stage), firstError, stage.name)
                }
            }
            if (firstError != null) {
                throw firstError
            }
        }
    }

    private void runStageBody(StageDefinition stage, WhenPhases phases, Throwable firstError) {
        if (stage.parallel != null) {
            if (phases.passedOrLater(null)) {
                withEnvironment(stage.environment) { test.parallelStep.run(branches(stage, firstError, null)) }
            }
        } else if (phases.passedOrLater('beforeAgent')) {
            inAgent(stage.agent) {
                if (phases.passedOrLater(null)) {
                    withEnvironment(stage.environment) {
                        if (stage.stages != null) {
                            Throwable nestedError = runStages(stage.stages, firstError, stage, null)
                            if (nestedError != null) {
                                throw nestedError
                            }
                        } else {
                            runSteps(stage)
                        }
                    }
                }
            }
        }
    }

    /** executeSingleStage */
    private void runSteps(StageDefinition stage) {
        Throwable stageError = null
        try {
            needingANode(agentOf(stage)) { test.helper.callClosure(stage.steps) }
        } catch (Throwable e) {
            test.currentStage.failed(e)
            stageError = e
        } finally {
            if (anyConditionMet(stage.post, stageError, stage.name)) {
                test.log('Post stage')
                stageError = runPostConditions(stage.post, agentOf(stage), stageError, stage.name)
            }
        }
        if (stageError != null) {
            throw stageError
        }
    }

    /** The parallel step's branches of a parallel stage: its child stages; failFast as the stage or pipeline says. */
    private Map branches(StageDefinition stage, Throwable firstError, String skipped) {
        Map<String, Object> branches = [:]
        stage.parallel.each { StageDefinition child ->
            branches.put(child.name, { runStage(child, firstError, stage, skipped) })
        }
        if (!branches.isEmpty() && (stage.failFast || root.options.flags.contains('parallelsAlwaysFailFast'))) {
            branches.put('failFast', true)
        }
        return branches
    }

    private void skip(StageDefinition stage, Throwable firstError, String reason) {
        String why = [SKIPPED_FOR_FAILURE: 'earlier failure(s)',
                SKIPPED_FOR_UNSTABLE: 'earlier stage(s) marking the build as unstable',
                SKIPPED_FOR_CONDITIONAL: 'when conditional'][reason]
        test.log("Stage \"${stage.name}\" skipped due to ${why}")
        test.currentStage.skipped = reason
        if (stage.parallel != null) {
            test.parallelStep.run(branches(stage, firstError, reason))
        } else if (stage.stages != null) {
            runStages(stage.stages, firstError, stage, reason)
        }
    }

    private void runPostBuild(Throwable stagesError) {
        Throwable error = stagesError
        if (anyConditionMet(root.post, error, null)) {
            test.inStage(POST_STAGE) {
                error = runPostConditions(root.post, root.agent, error, null)
            }
        }
        if (error != null) {
            throw error
        }
    }

    /** runPostConditions: returns the first error (the one given, else one of a condition). */
    private Throwable runPostConditions(Map<String, Closure> post, AgentDefinition agent, Throwable error,
            String stageName) {
        Throwable stageError = error
        PostConditions.ORDER.each { String condition ->
            String original = test.build.result
            String logical = combinedResult(stageError, stageName)
            try {
                Closure block = post.get(condition)
                if (block != null && met(condition, stageError, stageName)) {
                    test.build.overrideResult(logical)
                    test.currentStage.post << condition
                    if (stageName == null) {
                        ranConditions << condition
                    }
                    needingANode(agent) { test.helper.callClosure(block) }
                }
            } catch (Throwable e) {
                if (stageName != null) {
                    test.currentStage.failed(e)
                }
                test.log("Error when executing ${condition} post condition:")
                StringWriter trace = new StringWriter()
                e.printStackTrace(new PrintWriter(trace))
                test.log(trace.toString())
                stageError = stageError ?: e
            } finally {
                if (test.build.currentResult == logical && logical != original) {
                    test.build.overrideResult(original)
                }
            }
        }
        return stageError
    }

    private boolean anyConditionMet(Map<String, Closure> post, Throwable error, String stageName) {
        return PostConditions.ORDER.any { post.containsKey(it) && met(it, error, stageName) }
    }

    private boolean met(String condition, Throwable error, String stageName) {
        return PostConditions.meets(condition, combinedResult(error, stageName), combinedResult(error, null),
                test.build.previousBuild?.result)
    }

    /** BuildCondition.getCombinedResult: the flow's, the build's, the error's and (for a stage) the stage's result. */
    private String combinedResult(Throwable error, String stageName) {
        String result = Results.combine(test.build.executionResult, test.build.result)
        if (error != null) {
            result = Results.combine(result, Results.of(error))
        }
        return stageName == null ? result : Results.combine(result, test.stageNamed(stageName).warning)
    }

    /** The agent a stage's steps and post run under: its own, else its parents', else the pipeline's. */
    private AgentDefinition agentOf(StageDefinition stage) {
        return stage.agent ?: root.agent
    }

    private Object inAgent(AgentDefinition agent, Closure body) {
        if (agent == null || !agent.hasAgent()) {
            return body.call()
        }
        return test.node(agent.kind == 'label' ? agent.label : null, body)
    }

    /** catchRequiredContextForNode: with agent none, a step that needs a workspace fails with Declarative's message. */
    private Object needingANode(AgentDefinition agent, Closure body) {
        try {
            return body.call()
        } catch (MissingContextVariableException e) {
            if (agent != null && !agent.hasAgent()) {
                throw new AbortException(NO_NODE_CONTEXT)
            }
            throw e
        }
    }

    /** withCredentialsBlock and withEnvBlock of an environment { } section. */
    private Object withEnvironment(Closure environment, Closure body) {
        if (environment == null) {
            return body.call()
        }
        EnvironmentValues values = new EnvironmentValues()
        environment.resolveStrategy = Closure.DELEGATE_FIRST
        environment.delegate = values
        test.helper.callClosure(environment)
        List<Map> bindings = []
        List<String> variables = []
        values.values().each { String name, Object value ->
            if (value instanceof CredentialReference) {
                bindings.addAll(test.credentials.declarativeBindings(name, value.id))
            } else {
                variables << "${name}=${value}".toString()
            }
        }
        return test.credentials.bind(bindings) { test.withEnvironment(variables, body) }
    }

    /** The options' wrappers around {@code body}, the first written outermost, with the steps' own stand-ins. */
    private Object inWrappers(Map<String, Object> wrappers, Closure body) {
        return wrap(new ArrayList<String>(wrappers.keySet()), wrappers, body)
    }

    private Object wrap(List<String> names, Map<String, Object> wrappers, Closure body) {
        if (names.isEmpty()) {
            return body.call()
        }
        String name = names[0]
        List<String> inside = names.drop(1)
        test.bodies.beforeStep()
        Closure inner = { wrap(inside, wrappers, body) } // each retry attempt wraps the body anew
        return name == 'timeout' ? test.timeoutStep.run(wrappers.timeout as Map, inner) :
                test.retryStep.run(wrappers.retry as int, inner)
    }

    /** WhenEvaluator: when the when block is evaluated (before options, input or agent, or after the agent). */
    private class WhenPhases {
        private final Closure block
        private final Set<String> flags
        boolean passed

        WhenPhases(Closure block) {
            this.block = block
            this.flags = block == null ? [] as Set<String> : when.flags(block)
            this.passed = block == null
        }

        /** True if it passed already, or is not evaluated at {@code phase} (null: the last one); else evaluates it. */
        boolean passedOrLater(String phase) {
            if (passed || phase != null && !flags.contains(phase)) {
                return true
            }
            passed = when.holds(block)
            return passed
        }
    }
}
