import io.kanisterhooks.jenkins.BlueprintValidation

/** Static checks of blueprints, no cluster needed: see kanisterValidate.txt. */
def call(Map parameters = [:]) {
    return new BlueprintValidation(this, parameters).run()
}
