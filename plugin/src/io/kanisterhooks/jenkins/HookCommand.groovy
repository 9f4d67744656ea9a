package io.kanisterhooks.jenkins

/**
 * {@code hooks pre} and {@code hooks post} as a step runs them: the hooks, where they run (namespaces, options...),
 * the step call's own run-state file and report directory, and the cluster to use.
 */
class HookCommand implements Serializable {
    private static final long serialVersionUID = 1L

    static final List<String> PARAMETERS = (HookRunOptions.PARAMETERS + CliSettings.PARAMETERS +
            HookReports.PARAMETERS).toList()

    private final String step
    final HookRunOptions options
    final KanisterCli cli
    final HookReports reports

    HookCommand(String step, Object script, StepArguments args) {
        this.step = step
        this.options = new HookRunOptions(args)
        this.cli = new KanisterCli(script, new CliSettings(args))
        this.reports = new HookReports(script, args, cli.workDir + '/reports')
    }

    /**
     * Runs {@code hooks PHASE} with {@code hooks} (slot options or a hooks file). A result with failed hooks is
     * returned; no result at all (bad input: nothing was run) fails the step.
     */
    HookRunResult run(Object script, String phase, List<String> hooks, List<String> extra) {
        List<String> a = ['hooks', phase]
        a.addAll(extra)
        a.addAll(hooks)
        a.addAll(options.cliArguments())
        a.add('--state=' + cli.stateFile)
        a.addAll(reports.cliArguments())
        a.addAll(cli.clusterArguments())
        CliOutput out = cli.run('hooks ' + phase, a)
        if (!HookRunResult.hasResult(out)) {
            script.error(step + ': ' + out.failureMessage('failed'))
        }
        return new HookRunResult(out)
    }
}
