package io.kanisterhooks.jenkins.test

/**
 * A model of Declarative Pipeline (pipeline-model-definition; JenkinsPipelineUnit 1.1 has none). {@code pipeline { }}
 * is read first, as Declarative parses the whole block before it runs anything: agent, environment, options
 * (timeout, retry, skipStagesAfterUnstable, parallelsAlwaysFailFast), parameters, stages (steps, when, agent,
 * environment, options, post, failFast, parallel, nested stages) and post. Then {@link DeclarativeRun} runs it as
 * Declarative's ModelInterpreter does.
 * <p>
 * Not modelled: input, tools, triggers, libraries, matrix, {@code agent { node { } }}/docker agents, restarting
 * stages, and Declarative's compile-time validation (a misplaced directive fails here when it is read, with
 * IllegalStateException).
 */
class DeclarativePipeline {
    private final PipelineTestBase test
    private final WhenConditions when
    /** What is being read: the pipeline, a stage, a stage list (stages, parallel), an agent, options or post. */
    private final List<Object> reading = []
    /** The post conditions of the pipeline that ran, in order. */
    final List<String> ranConditions = []

    DeclarativePipeline(PipelineTestBase test) {
        this.test = test
        this.when = new WhenConditions(test)
    }

    void register() {
        def helper = test.helper
        helper.registerAllowedMethod('pipeline', [Closure], { Closure c ->
            ranConditions.clear()
            new DeclarativeRun(test, when, ranConditions).run(read(new PipelineDefinition(), c) as PipelineDefinition)
        })
        helper.registerAllowedMethod('agent', [String], { String kind ->
            sections('agent').agent = new AgentDefinition(kind)
        })
        helper.registerAllowedMethod('agent', [Closure], { Closure c ->
            sections('agent').agent = read(new AgentDefinition('label'), c) as AgentDefinition
        })
        helper.registerAllowedMethod('label', [String], { String label ->
            inside(AgentDefinition, 'label').label = label
        })
        helper.registerAllowedMethod('environment', [Closure], { Closure c -> sections('environment').environment = c })
        helper.registerAllowedMethod('options', [Closure], { Closure c -> read(sections('options').options, c) })
        helper.registerAllowedMethod('timeout', [Map], { Map m -> option('timeout').wrappers.timeout = m })
        helper.registerAllowedMethod('retry', [Integer], { Integer n -> option('retry').wrappers.retry = n })
        ['skipStagesAfterUnstable', 'parallelsAlwaysFailFast', 'disableConcurrentBuilds', 'skipDefaultCheckout',
         'timestamps'].each { String flag ->
            helper.registerAllowedMethod(flag, [], { -> option(flag).flags << flag })
        }
        helper.registerAllowedMethod('parameters', [Closure], { Closure c -> helper.callClosure(c) })
        helper.registerAllowedMethod('parameters', [List], { List l -> null })
        helper.registerAllowedMethod('booleanParam', [Map], { Map m -> parameter(m) })
        helper.registerAllowedMethod('stages', [Closure], { Closure c ->
            Object target = reading.last()
            List<StageDefinition> stages = target instanceof PipelineDefinition ? target.stages : []
            read(stages, c)
            if (target instanceof StageDefinition) {
                target.stages = stages
            }
        })
        helper.registerAllowedMethod('stage', [String, Closure], { String name, Closure c ->
            if (!reading.isEmpty() && reading.last() instanceof List) {
                (reading.last() as List) << read(new StageDefinition(name), c)
                return null
            }
            return test.inStage(name) { helper.callClosure(c) } // a scripted stage
        })
        helper.registerAllowedMethod('steps', [Closure], { Closure c -> inside(StageDefinition, 'steps').steps = c })
        helper.registerAllowedMethod('when', [Closure], { Closure c -> inside(StageDefinition, 'when').when = c })
        helper.registerAllowedMethod('failFast', [Boolean], { Boolean on ->
            inside(StageDefinition, 'failFast').failFast = on
        })
        helper.registerAllowedMethod('parallel', [Closure], { Closure c ->
            inside(StageDefinition, 'parallel').parallel = read([], c) as List<StageDefinition>
        })
        helper.registerAllowedMethod('script', [Closure], { Closure c -> helper.callClosure(c) })
        helper.registerAllowedMethod('credentials', [String], { String id -> new CredentialReference(id) })
        helper.registerAllowedMethod('post', [Closure], { Closure c -> read(sections('post').post, c) })
        PostConditions.ORDER.each { String condition ->
            helper.registerAllowedMethod(condition, [Closure], { Closure c ->
                (inside(Map, condition) as Map).put(condition, c)
            })
        }
        when.register()
    }

    /** string(name:, defaultValue:) in parameters: the default unless the build was started with a value. */
    Object parameter(Map m) {
        if (m.name != null && !test.params.containsKey(m.name)) {
            test.params[m.name as String] = m.defaultValue
        }
        return m
    }

    /** Reads a block: the directives in it fill {@code target}. */
    private Object read(Object target, Closure block) {
        reading << target
        try {
            test.helper.callClosure(block)
        } finally {
            reading.remove(reading.size() - 1)
        }
        return target
    }

    private SectionsDefinition sections(String directive) {
        return inside(SectionsDefinition, directive) as SectionsDefinition
    }

    private OptionsDefinition option(String name) {
        return inside(OptionsDefinition, name) as OptionsDefinition
    }

    private Object inside(Class type, String directive) {
        if (reading.isEmpty() || !type.isInstance(reading.last())) {
            throw new IllegalStateException("${directive} is not allowed here (Declarative Pipeline)")
        }
        return reading.last()
    }
}
