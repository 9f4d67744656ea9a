import io.kanisterhooks.jenkins.BlueprintAction

/** One blueprint action, like a Kanister ActionSet: see kanisterAction.txt. */
def call(Map parameters = [:]) {
    return new BlueprintAction(this, parameters).run()
}
