package io.kanisterhooks.jenkins.test

/**
 * The build's agents (nodes): each has a name, labels and a workspace of its own. {@code node(label) { }} (and
 * Declarative's {@code agent}) runs its body on the first agent whose name or labels match (any agent without a
 * label); steps that need a workspace run in the workspace of the agent they are on. An agent's name is one of its
 * labels, as in Jenkins. No agent with the label: Jenkins would wait for one forever, the stand-in fails instead.
 */
class Agents {
    /** One agent. */
    static class Agent {
        final String name
        final List<String> labels
        final File workspace

        Agent(String name, List<String> labels, File workspace) {
            this.name = name
            this.labels = [name] + labels
            this.workspace = workspace
        }
    }

    final List<Agent> all = []
    private final List<Agent> current = []

    Agent add(String name, List<String> labels, File workspace) {
        Agent agent = new Agent(name, labels, workspace)
        all << agent
        return agent
    }

    Agent select(String label) {
        Agent agent = label ? all.find { it.labels.contains(label) } : all[0]
        if (agent == null) {
            throw new IllegalStateException("There are no nodes with the label ‘${label}’ (Jenkins would wait " +
                    'for one forever)')
        }
        return agent
    }

    /** The agent the flow is on now, or null outside any node. */
    Agent getOn() {
        return current.isEmpty() ? null : current.last()
    }

    Object on(Agent agent, Closure body) {
        return Stacks.with(current, agent, body)
    }
}
