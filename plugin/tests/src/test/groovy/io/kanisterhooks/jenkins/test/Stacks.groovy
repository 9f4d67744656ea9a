package io.kanisterhooks.jenkins.test

/** The stand-ins keep what the flow is in (agents, directories, stages) as stacks: the innermost last. */
final class Stacks {
    private Stacks() {
    }

    /** Runs {@code body} with {@code item} on top of {@code stack}. */
    static Object with(List stack, Object item, Closure body) {
        stack << item
        try {
            return body.call()
        } finally {
            stack.remove(stack.size() - 1)
        }
    }
}
