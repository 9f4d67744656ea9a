package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * {@code kanisterHook(slot: 'onFailure', hook: 'BLUEPRINT/ACTION', ...)}: one hook on its own, for Declarative
 * {@code post { failure { } }}, {@code post { success { } }} and {@code post { always { } }} sections (and a preHook in
 * an early stage). It is a whole run of its own: {@code hooks pre} (which claims the namespaces and, for a preHook,
 * runs it), then {@code hooks post} (which runs the other slots' hook and gives the claims back). The step fails when
 * the hook failed in any namespace, and returns the hook's output artifacts per namespace. {@code timeout} is the
 * hook's timeout here, as {@code hookTimeout} is (there is no body for it to bound).
 */
class SingleHook extends StepCall {
    private static final long serialVersionUID = 1L

    static final String STEP = 'kanisterHook'
    static final List<String> PARAMETERS = (['slot', 'hook', 'timeout'] + HookCommand.PARAMETERS).toList()

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
        if (args.has('timeout') && args.has('hookTimeout')) {
            throw new IllegalArgumentException('give timeout or hookTimeout, not both (for kanisterHook they are ' +
                    'the same: the timeout of each attempt of the hook)')
        }
        command = new HookCommand(script, args,
                new HookRunOptions(args, args.has('timeout') ? 'timeout' : 'hookTimeout', null))
    }

    Map<String, Map<String, Map<String, String>>> run() {
        readParameters()
        command.prepare()
        HookRunResult pre = null
        HookRunResult post = null
        String problem = null
        Throwable preThrown = null
        try {
            try {
                pre = command.pre(['--' + ExecutionHooks.SLOT_OPTIONS.get(slot) + '=' + hook], false)
                problem = command.problem
            } catch (Throwable t) {
                preThrown = t // an abort, a lost agent: hooks pre may have started the preHook all the same
            }
            if (!command.nothingRan) {
                post = command.post(pre == null || !pre.succeeded ? 'failure' : outcome())
                problem = problem ?: command.problem
            }
        } finally {
            command.reports.publish()
        }
        if (preThrown != null) {
            throw preThrown
        }
        if (problem != null) {
            script.error(STEP + ': ' + problem)
        }
        HookRunResult result = slot == 'preHook' ? pre : post
        List<String> failures = result.failures(slot)
        if (!failures.isEmpty()) {
            script.error("${STEP}: ${hook} failed:\n  " + failures.join('\n  '))
        }
        List<String> continued = result.continued()
        if (!continued.isEmpty()) {
            script.unstable("${STEP}: ${hook} failed with onError: Continue:\n  " + continued.join('\n  '))
        }
        return result.artifacts(slot)
    }

    /**
     * onSuccess runs after a success and onFailure after a failure, whatever the build says; always follows the
     * build's current result, so that its report tells the truth.
     */
    private String outcome() {
        if (slot == 'onSuccess' || slot == 'preHook') {
            return 'success'
        }
        if (slot == 'onFailure') {
            return 'failure'
        }
        return script.currentBuild.currentResult == 'SUCCESS' ? 'success' : 'failure'
    }
}
