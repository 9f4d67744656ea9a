package org.jenkinsci.plugins.workflow.steps

/**
 * Test stand-in for workflow-step-api's MissingContextVariableException (same name): what a step that needs a
 * workspace (sh, writeFile, ...) throws outside {@code node { }}.
 */
class MissingContextVariableException extends Exception {
    final String type

    MissingContextVariableException(String type) {
        super("Required context class ${type} is missing\nPerhaps you forgot to surround the code with a step that " +
                'provides this, such as: node')
        this.type = type
    }
}
