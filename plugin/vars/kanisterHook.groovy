import io.kanisterhooks.jenkins.SingleHook

/** One hook (preHook, onSuccess, onFailure or always) on its own, e.g. in post { failure { } }: see kanisterHook.txt. */
def call(Map parameters = [:]) {
    return new SingleHook(this, parameters).run()
}
