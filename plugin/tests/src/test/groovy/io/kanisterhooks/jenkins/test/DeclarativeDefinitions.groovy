package io.kanisterhooks.jenkins.test

/** The directives a pipeline and a stage share, as Declarative's parser reads them. */
class SectionsDefinition {
    /** null: none given (a stage runs on its parent's agent). */
    AgentDefinition agent
    /** environment { }: run when the section starts. */
    Closure environment
    final OptionsDefinition options = new OptionsDefinition()
    /** post { }: condition name -> its block. */
    final Map<String, Closure> post = [:]
}

/** pipeline { }: its sections and its stages. */
class PipelineDefinition extends SectionsDefinition {
    final List<StageDefinition> stages = []
}

/** stage('name') { }: exactly one of steps, parallel (stages run in parallel) or stages (nested, in sequence). */
class StageDefinition extends SectionsDefinition {
    final String name
    Closure when
    Closure steps
    List<StageDefinition> parallel
    List<StageDefinition> stages
    boolean failFast

    StageDefinition(String name) {
        this.name = name
    }
}

/** agent any | agent none | agent { label 'x' }. */
class AgentDefinition {
    /** 'any', 'none' or 'label' */
    final String kind
    String label

    AgentDefinition(String kind) {
        this.kind = kind
    }

    /** Whether steps run on a node (all but agent none). */
    boolean hasAgent() {
        return kind != 'none'
    }
}

/**
 * options { }: the block-step wrappers (timeout, retry), in the order written (the first one wraps the others), and
 * the other options by name.
 */
class OptionsDefinition {
    final Map<String, Object> wrappers = [:]
    final Set<String> flags = [] as Set<String>
}

/** {@code credentials('id')} in environment { }: bound as a credential, not as a plain value. */
class CredentialReference implements Serializable {
    private static final long serialVersionUID = 1L

    final String id

    CredentialReference(String id) {
        this.id = id
    }
}

/**
 * The delegate of an environment { } block: it keeps the assignments, in order; a later value can use an earlier one
 * by its name. Other names resolve as in the Jenkinsfile (env, params...).
 */
class EnvironmentValues implements Serializable {
    private static final long serialVersionUID = 1L

    private final Map<String, Object> values = [:]

    Map<String, Object> values() {
        return this.@values
    }

    @Override
    Object getProperty(String name) {
        if (this.@values.containsKey(name)) {
            return this.@values.get(name)
        }
        throw new MissingPropertyException(name, EnvironmentValues)
    }

    @Override
    void setProperty(String name, Object value) {
        this.@values.put(name, value)
    }
}
