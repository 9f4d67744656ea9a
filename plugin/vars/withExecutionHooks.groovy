import io.kanisterhooks.jenkins.ExecutionHooks

/** K10 execution hooks around a block: see withExecutionHooks.txt. */
def call(Map parameters = [:], Closure body) {
    return new ExecutionHooks(this, parameters).run(body)
}
