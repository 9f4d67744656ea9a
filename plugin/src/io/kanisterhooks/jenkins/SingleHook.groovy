package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * {@code kanisterHook(slot: 'onFailure', hook: 'BLUEPRINT/ACTION', ...)}: one hook on its own, for Declarative
 * {@code post { failure { } }}, {@code post { success { } }} and {@code post { always { } }} sections (and a preHook in
 * an early stage). It is its own run: {@code hooks pre} with only the preHook, or {@code hooks post} with only that
 * slot. The step fails when the hook failed in any namespace, and returns the hook's output artifacts per namespace.
 */
class SingleHook extends StepCall {
    private static final long serialVersionUID = 1L

    static final String STEP = 'kanisterHook'
    static final List<String> PARAMETERS = (['slot', 'hook'] + HookCommand.PARAMETERS).toList()

    private String slot
    private String hook
    private HookCommand command

    SingleHook(Object script, Map parameters) {
        super(script, STEP, PARAMETERS, parameters)
    }

    @Override
    @NonCPS
    protected void configure(StepArguments args) {
        slot = KanisterNames.slot('slot', args.requiredString('slot'))
        hook = KanisterNames.hookReference('hook', args.requiredString('hook'))
        command = new HookCommand(STEP, script, args)
    }

    Map<String, Map<String, Map<String, String>>> run() {
        readParameters()
        command.cli.prepare()
        String option = '--' + ExecutionHooks.SLOT_OPTIONS.get(slot) + '=' + hook
        HookRunResult result
        try {
            result = slot == 'preHook' ? command.run(script, 'pre', [option], []) :
                    command.run(script, 'post', [option], ['--outcome=' + outcome()])
        } finally {
            command.reports.publish()
        }
        List<String> failures = result.failures(slot)
        if (!failures.isEmpty()) {
            script.error("${STEP}: ${hook} failed:\n  " + failures.join('\n  '))
        }
        return result.artifacts(slot)
    }

    /**
     * onSuccess runs after a success and onFailure after a failure, whatever the build says; always follows the
     * build's current result, so that its report tells the truth.
     */
    private String outcome() {
        if (slot == 'onSuccess') {
            return 'success'
        }
        if (slot == 'onFailure') {
            return 'failure'
        }
        return script.currentBuild.currentResult == 'SUCCESS' ? 'success' : 'failure'
    }
}
