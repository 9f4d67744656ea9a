import io.kanisterhooks.jenkins.BuildRecovery

/** Finishes this build's unfinished hook runs, e.g. in post { always { } }: see kanisterRecover.txt. */
def call(Map parameters = [:]) {
    return new BuildRecovery(this, parameters).run()
}
