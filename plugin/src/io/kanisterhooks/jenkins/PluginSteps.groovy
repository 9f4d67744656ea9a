package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * Steps of plugins that a Jenkins may not have: {@code junit} (JUnit plugin) and {@code publishHTML} (HTML Publisher
 * plugin). Without the plugin, the step is skipped with one line in the log and the build goes on; only the missing
 * step itself is caught (Jenkins: {@code NoSuchMethodError: No such DSL method 'NAME' found among steps}; plain
 * Groovy: {@code MissingMethodException} for NAME).
 */
class PluginSteps implements Serializable {
    private static final long serialVersionUID = 1L

    private final Object script

    PluginSteps(Object script) {
        this.script = script
    }

    /** Records a JUnit file (the junit step marks the build UNSTABLE when it has failures); false without the step. */
    boolean junit(String file) {
        try {
            script.junit(testResults: file, allowEmptyResults: true)
            return true
        } catch (NoSuchMethodError e) {
            rethrowUnless(e, 'junit', e.message)
        } catch (MissingMethodException e) {
            rethrowUnless(e, 'junit', e.method)
        }
        script.echo('kanister-hooks: the junit step is not available (is the JUnit plugin installed?); the results ' +
                'are in ' + file)
        return false
    }

    /** Publishes an HTML report kept with each build; false without the step. */
    boolean publishHtml(String directory, String file, String name) {
        try {
            script.publishHTML(target: [reportDir: directory, reportFiles: file, reportName: name, keepAll: true,
                    allowMissing: true, alwaysLinkToLastBuild: false])
            return true
        } catch (NoSuchMethodError e) {
            rethrowUnless(e, 'publishHTML', e.message)
        } catch (MissingMethodException e) {
            rethrowUnless(e, 'publishHTML', e.method)
        }
        script.echo("kanister-hooks: publishHTML is not available (HTML Publisher plugin not installed); the report " +
                "is archived as ${directory}/${file}")
        return false
    }

    /** {@code what}: the missing method's name (plain Groovy) or Jenkins' message, which names it in quotes. */
    @NonCPS
    static void rethrowUnless(Throwable e, String step, String what) {
        if (what != step && !(what ?: '').contains("'${step}'")) {
            throw e
        }
    }
}
