package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * {@code withExecutionHooks(...) { body }}: K10's execution hooks around a block of a Pipeline.
 *
 * <ul>
 * <li>{@code hooks pre} runs the preHook in every namespace; if it fails (after its own retries) the body does not
 * run, onFailure runs, and the step fails.</li>
 * <li>The body is retried {@code retries} times; before each retry {@code hooks pre} is called again, and it skips the
 * namespaces where the preHook already succeeded (a hook that succeeded is never run again).</li>
 * <li>{@code hooks post} then runs onSuccess, or onFailure when the body still failed, then always, with the
 * preHook's output artifacts as input artifacts. A failed body's own exception is rethrown after onFailure; a failed
 * onSuccess fails the step.</li>
 * <li>An abort (user, {@code timeout}) stops the running step; onFailure and always still run unless
 * {@code noHooksOnAbort: true}, then the abort is rethrown.</li>
 * </ul>
 * Returns the preHook's output artifacts per namespace, {@code [ns1: [snap: [id: 'x']]]}; the body gets the same map
 * as its argument.
 */
class ExecutionHooks extends StepCall {
    private static final long serialVersionUID = 1L

    static final String STEP = 'withExecutionHooks'
    static final Map<String, String> SLOT_OPTIONS = [preHook: 'pre-hook', onSuccess: 'on-success',
            onFailure: 'on-failure', always: 'always']
    static final List<String> PARAMETERS = (SLOT_OPTIONS.keySet() + ['hooksFile', 'k10Object', 'retries'] +
            HookCommand.PARAMETERS).toList()

    private List<String> hookArguments
    private int retries
    private HookCommand command

    ExecutionHooks(Object script, Map parameters) {
        super(script, STEP, PARAMETERS, parameters)
    }

    @Override
    @NonCPS
    protected void configure(StepArguments args) {
        hookArguments = hookArguments(args)
        retries = args.integer('retries', 0, 0)
        command = new HookCommand(STEP, script, args)
    }

    /** The hooks: slot options, or a hooks file (a K10 hooks: document, Policy or Action). */
    @NonCPS
    static List<String> hookArguments(StepArguments args) {
        List<String> a = []
        SLOT_OPTIONS.each { String slot, String option ->
            String ref = args.string(slot)
            if (ref != null) {
                a << "--${option}=${KanisterNames.hookReference(slot, ref)}".toString()
            }
        }
        if (args.has('hooksFile') && args.has('k10Object')) {
            throw new IllegalArgumentException('give hooksFile or k10Object, not both (both name a file with K10 hooks)')
        }
        String file = args.string('hooksFile') ?: args.string('k10Object')
        if (file != null) {
            a << '--hooks-file=' + WorkspacePaths.hooksFile(args.has('hooksFile') ? 'hooksFile' : 'k10Object', file)
        }
        if (a.isEmpty()) {
            throw new IllegalArgumentException('no hooks given: set preHook, onSuccess, onFailure or always ' +
                    "('BLUEPRINT/ACTION'), or hooksFile/k10Object (a K10 hooks: document, Policy or Action)")
        }
        return a
    }

    Map<String, Map<String, Map<String, String>>> run(Closure body) {
        readParameters()
        command.cli.prepare()
        HookRunResult pre = null
        Throwable stageError = null
        Throwable interruption = null
        boolean done = false
        int attempt = 0
        while (!done) {
            if (attempt > 0) {
                script.echo("${STEP}: the stage failed (${stageError}); retry ${attempt} of ${retries}, after hooks " +
                        'pre (namespaces whose preHook succeeded are skipped)')
            }
            try {
                pre = command.run(script, 'pre', hookArguments, [])
            } catch (Throwable t) {
                if (!Interruptions.isAbort(t)) {
                    throw t
                }
                interruption = t
            }
            if (interruption != null || !pre.succeeded) {
                done = true
            } else {
                try {
                    body.call(pre.artifacts('preHook'))
                    stageError = null
                    done = true
                } catch (Throwable t) {
                    stageError = t
                    interruption = Interruptions.isAbort(t) ? t : null
                    attempt++
                    done = interruption != null || attempt > retries
                }
            }
        }
        boolean stageSucceeded = interruption == null && stageError == null && pre.succeeded
        HookRunResult post = null
        try {
            if (interruption == null || !command.options.noHooksOnAbort) {
                post = command.run(script, 'post', hookArguments, ['--outcome=' + (stageSucceeded ? 'success' : 'failure')])
            }
        } finally {
            command.reports.publish()
        }
        return conclude(pre, post, stageError, interruption)
    }

    private Map<String, Map<String, Map<String, String>>> conclude(HookRunResult pre, HookRunResult post,
            Throwable stageError, Throwable interruption) {
        List<String> hookFailures = post == null ? (pre == null ? [] : pre.allFailures()) : post.allFailures()
        if (interruption != null || stageError != null) {
            if (!hookFailures.isEmpty()) {
                script.echo("${STEP}: hooks failed too:\n  " + hookFailures.join('\n  '))
            }
            throw interruption ?: stageError
        }
        if (!pre.succeeded) {
            script.error("${STEP}: the preHook failed, so the stage did not run" +
                    (post == null ? '' : ' (onFailure ran)') + ':\n  ' + hookFailures.join('\n  '))
        }
        if (post != null && !post.succeeded) {
            script.error("${STEP}: the stage succeeded, but hooks failed:\n  " + hookFailures.join('\n  '))
        }
        return pre.artifacts('preHook')
    }
}
