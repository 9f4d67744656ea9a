import io.kanisterhooks.jenkins.HookPreview

/** What the hooks would run, read-only, as test results: see kanisterPlan.txt. */
def call(Map parameters = [:]) {
    return new HookPreview(this, parameters).run()
}
