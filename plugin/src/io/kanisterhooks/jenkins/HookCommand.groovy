package io.kanisterhooks.jenkins

/**
 * {@code hooks pre} and {@code hooks post} of one step call: the hooks, where they run (namespaces, options...), the
 * step call's report directory, the cluster to use, and the step call's run. The run's id (see {@link BuildRunIds}) is
 * kept here, in the step object that Pipeline serialises, not in a workspace file: the run's state is in the cluster,
 * so {@code hooks post} works after the workspace or the whole agent is gone.
 */
class HookCommand implements Serializable {
    private static final long serialVersionUID = 1L

    static final List<String> PARAMETERS = (HookRunOptions.PARAMETERS + CliSettings.PARAMETERS +
            HookReports.PARAMETERS).toList()
    /** How hooks post says that the run has no state: hooks pre stopped before it kept the run (the CLI's words). */
    static final String NO_RUN = 'there is no run to finish'

    private final Object script
    final HookRunOptions options
    final KanisterCli cli
    final HookReports reports
    private String runId
    /** Why the last call printed no result (null when it printed one). */
    String problem
    /** Whether hooks pre refused bad input of a new run: nothing ran, there is nothing to finish. */
    boolean nothingRan

    HookCommand(Object script, StepArguments args, HookRunOptions options) {
        this.script = script
        this.options = options
        this.cli = new KanisterCli(script, new CliSettings(args))
        this.reports = new HookReports(script, args, cli.workDir + '/reports')
    }

    /** Finds the CLI and gives the step call its run id, which it prints with how to recover the run. */
    void prepare() {
        cli.prepare()
        int stepCall = BuildRunIds.nextStepCall(script.env.KANISTER_HOOKS_STEP_CALLS)
        script.env.KANISTER_HOOKS_STEP_CALLS = stepCall.toString()
        runId = BuildRunIds.runId(script.env.BUILD_TAG as String, stepCall, BuildRunIds.random())
        List<String> home = HookRunOptions.homeArguments(options.blueprintNamespace, options.homeNamespace)
        script.echo("kanister-hooks: run ${runId} (recover with: kanister-hooks runs recover ${runId}" +
                (home.isEmpty() ? '' : ' ' + home.join(' ')) + ')')
    }

    String getRunId() {
        return runId
    }

    /**
     * Runs {@code hooks pre} with {@code hooks} (slot options or a hooks file): a new run, or with {@code continuing}
     * the same run again after a retry. Returns its result, or null when it printed none ({@link #problem} says why,
     * and {@link #nothingRan} whether it was bad input of a new run).
     */
    HookRunResult pre(List<String> hooks, boolean continuing) {
        List<String> a = ['hooks', 'pre', '--run=' + runId]
        if (continuing) {
            a.addAll(options.continuingArguments())
        } else {
            a.addAll(hooks)
            a.addAll(options.cliArguments())
        }
        CliOutput out = run('hooks pre', a)
        nothingRan = problem != null && !continuing && out.exitCode == CliOutput.BAD_INPUT
        return problem == null ? new HookRunResult(out) : null
    }

    /**
     * Runs {@code hooks post} of the run: onSuccess or onFailure, then always. Returns its result, or null when it
     * printed none: then {@link #problem} says why, or is null when hooks pre had kept no run (nothing to finish).
     */
    HookRunResult post(String outcome) {
        List<String> a = ['hooks', 'post', '--run=' + runId, '--outcome=' + outcome]
        a.addAll(options.continuingArguments())
        CliOutput out = run('hooks post', a)
        if (problem != null && out.exitCode == CliOutput.BAD_INPUT && out.stderr.contains(NO_RUN)) {
            script.echo("kanister-hooks: run ${runId} has no state: hooks pre stopped before it kept the run, so no " +
                    'preHook started and there is nothing to finish')
            problem = null
            return null
        }
        return problem == null ? new HookRunResult(out) : null
    }

    private CliOutput run(String command, List<String> arguments) {
        List<String> a = new ArrayList<String>(arguments)
        a.addAll(reports.cliArguments())
        a.addAll(cli.clusterArguments())
        CliOutput out = cli.run(command, a)
        problem = HookRunResult.hasResult(out) ? null : out.failureMessage('failed')
        return out
    }
}
