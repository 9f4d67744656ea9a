package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * {@code withExecutionHooks(...) { body }}: K10's execution hooks around a block of a Pipeline, as one run of the CLI
 * (its id derived from the build's {@code BUILD_TAG}, see {@link BuildRunIds}; its state in the cluster).
 *
 * <ul>
 * <li>{@code hooks pre} runs the preHook in every namespace; if it fails (after its own retries) the body does not
 * run, onFailure runs, and the step fails.</li>
 * <li>The body is retried {@code retries} times; before each retry {@code hooks pre} is called again for the same run,
 * and it skips the namespaces where the preHook already succeeded (a hook that succeeded is never run again).
 * {@code timeout} bounds each attempt of the body, and only the body (Jenkins' {@code timeout} step around it): the
 * hooks keep their own timeouts ({@code hookTimeout}).</li>
 * <li>{@code hooks post} then runs onSuccess, or onFailure when the body still failed, then always, with the
 * preHook's output artifacts as input artifacts. It runs whenever {@code hooks pre} may have started a preHook: also
 * when hooks pre failed without a result (the CLI crashed, the agent went away); only bad input of the first hooks
 * pre (nothing ran) skips it. A failed body's own exception is rethrown after onFailure; a failed onSuccess fails the
 * step.</li>
 * <li>An abort (user, a {@code timeout} around the step) stops the running step; onFailure and always still run
 * ({@code hooks post --outcome aborted}) unless {@code noHooksOnAbort: true}, which abandons the run; then the abort is
 * rethrown.</li>
 * </ul>
 * Returns the preHook's output artifacts per namespace, {@code [ns1: [snap: [id: 'x']]]}; the body gets the same map
 * as its argument.
 */
class ExecutionHooks extends StepCall {
    private static final long serialVersionUID = 1L

    static final String STEP = 'withExecutionHooks'
    static final Map<String, String> SLOT_OPTIONS = [preHook: 'pre-hook', onSuccess: 'on-success',
            onFailure: 'on-failure', always: 'always']
    static final List<String> PARAMETERS = (SLOT_OPTIONS.keySet() + ['hooksFile', 'k10Object', 'retries', 'timeout'] +
            HookCommand.PARAMETERS).toList()

    private List<String> hookArguments
    private int retries
    /** Seconds each attempt of the body may take (an int, as Jenkins' timeout step takes it); 0: no limit. */
    private int bodyTimeoutSeconds
    private HookCommand command
    /** What happened, for the step's conclusion. */
    private HookRunResult pre
    private String preProblem
    private Throwable preThrown
    private HookRunResult post
    private String postProblem
    private Throwable stageError
    private Throwable interruption

    ExecutionHooks(Object script, Map parameters) {
        super(script, STEP, PARAMETERS, parameters)
    }

    @Override
    @NonCPS
    protected void configure(StepArguments args) {
        hookArguments = hookArguments(args)
        retries = args.integer('retries', 0, 0)
        String timeout = args.string('timeout')
        long seconds = timeout == null ? 0 : HookRunOptions.seconds(HookRunOptions.goDuration('timeout', timeout))
        if (timeout != null && seconds == 0) {
            throw new IllegalArgumentException("timeout: must be more than 0, got '${timeout}'")
        }
        if (seconds > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout: must be less than 68 years, got '${timeout}'")
        }
        bodyTimeoutSeconds = (int) seconds
        command = new HookCommand(script, args, new HookRunOptions(args, 'hookTimeout',
                timeout == null ? null : HookRunOptions.claimTtlFor(timeout)))
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
        command.prepare()
        boolean done = false
        int attempt = 0
        while (!done) {
            if (attempt > 0) {
                script.echo("${STEP}: the stage failed (${stageError}); retry ${attempt} of ${retries}, after hooks " +
                        'pre (namespaces whose preHook succeeded are skipped)')
            }
            try {
                pre = command.pre(hookArguments, attempt > 0)
                preProblem = command.problem
            } catch (Throwable t) {
                // an abort, or the agent went away: hooks pre may have started a preHook all the same
                preThrown = t
                interruption = Interruptions.isAbort(t) ? t : null
            }
            if (command.nothingRan) {
                script.error(STEP + ': ' + preProblem) // bad input: nothing ran, there is nothing to finish
            }
            if (preThrown != null || preProblem != null || !pre.succeeded) {
                done = true
            } else {
                try {
                    runBody(body, pre.artifacts('preHook'))
                    stageError = null
                    done = true
                } catch (Throwable t) {
                    stageError = t
                    interruption = Interruptions.isAbort(t) && !Interruptions.isTimeout(t) ? t : null
                    attempt++
                    done = interruption != null || attempt > retries
                }
            }
        }
        boolean stageSucceeded = preThrown == null && preProblem == null && stageError == null && pre.succeeded
        try {
            // after an abort the CLI runs onFailure and always, or with noHooksOnAbort abandons the run (its claims
            // released, no hook run) so that no later recovery runs them behind the user's back
            post = command.post(interruption != null ? 'aborted' : stageSucceeded ? 'success' : 'failure')
            postProblem = command.problem
        } finally {
            command.reports.publish()
        }
        return conclude()
    }

    /** The body, within Jenkins' timeout step when the step has a timeout: it bounds the body only, not the hooks. */
    private void runBody(Closure body, Map<String, Map<String, Map<String, String>>> artifacts) {
        if (bodyTimeoutSeconds > 0) {
            script.timeout(time: bodyTimeoutSeconds, unit: 'SECONDS') {
                body.call(artifacts)
            }
        } else {
            body.call(artifacts)
        }
    }

    private Map<String, Map<String, Map<String, String>>> conclude() {
        List<String> hookFailures = post == null ? (pre == null ? [] : pre.allFailures()) : post.allFailures()
        if (postProblem != null) {
            hookFailures.add(postProblem)
        }
        Throwable thrown = preThrown ?: stageError
        if (thrown != null) {
            if (!hookFailures.isEmpty()) {
                script.echo("${STEP}: hooks failed too:\n  " + hookFailures.join('\n  '))
            }
            throw thrown
        }
        if (preProblem != null) {
            script.error("${STEP}: ${preProblem}" + (post == null ? '' : '\n(onFailure and always ran)') +
                    (postProblem == null ? '' : '\n' + postProblem))
        }
        if (!pre.succeeded) {
            script.error("${STEP}: the preHook failed, so the stage did not run" +
                    (post == null ? '' : ' (onFailure ran)') + ':\n  ' + hookFailures.join('\n  '))
        }
        if (postProblem != null || post != null && !post.succeeded) {
            script.error("${STEP}: the stage succeeded, but hooks failed:\n  " + hookFailures.join('\n  '))
        }
        List<String> continued = (post ?: pre).continued()
        if (!continued.isEmpty()) {
            script.unstable("${STEP}: hooks failed with onError: Continue, and the run went on:\n  " +
                    continued.join('\n  '))
        }
        return pre.artifacts('preHook')
    }
}
