package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * {@code kanisterRecover()}: finishes the runs of this build that their own step could not finish
 * ({@code kanister-hooks runs recover --build-tag=$BUILD_TAG}): a {@code timeout} around withExecutionHooks that
 * terminated the step, a lost agent, a killed CLI. For every such run: its leftover hook pods deleted, onFailure then always where its preHook
 * started and no onSuccess/onFailure completed, its claims given back. Meant for the end of the build
 * ({@code post { always { } }}), when no step of the build can still be working on a run. Nothing to recover is a
 * quiet success; returns the ids of the runs recovered. Fails when a hook failed during the recovery.
 */
class BuildRecovery extends StepCall {
    private static final long serialVersionUID = 1L

    static final String STEP = 'kanisterRecover'
    static final List<String> PARAMETERS = (['blueprintNamespace', 'homeNamespace', 'reportDir'] +
            CliSettings.PARAMETERS).toList()

    private List<String> arguments
    private KanisterCli cli

    BuildRecovery(Object script, Map parameters) {
        super(script, STEP, PARAMETERS, parameters)
    }

    @Override
    @NonCPS
    protected void configure(StepArguments args) {
        String blueprintNamespace = args.string('blueprintNamespace')
        String homeNamespace = args.string('homeNamespace')
        arguments = HookRunOptions.homeArguments(
                blueprintNamespace == null ? null : KubeNames.namespace('blueprintNamespace', blueprintNamespace),
                homeNamespace == null ? null : KubeNames.namespace('homeNamespace', homeNamespace))
        String reportDir = args.string('reportDir')
        if (reportDir != null) {
            arguments << '--report-dir=' + WorkspacePaths.path('reportDir', reportDir)
        }
        cli = new KanisterCli(script, new CliSettings(args))
    }

    List<String> run() {
        readParameters()
        String buildTag = script.env.BUILD_TAG as String
        if (!buildTag) {
            script.error("${STEP}: BUILD_TAG is not set, so the runs of this build cannot be found")
        }
        cli.prepare()
        List<String> a = ['runs', 'recover', '--build-tag=' + buildTag]
        a.addAll(arguments)
        a.addAll(cli.clusterArguments())
        CliOutput out = cli.run('runs recover', a)
        if (!out.stdout.trim().startsWith('[')) {
            script.error(STEP + ': ' + out.failureMessage('failed'))
        }
        List<Map> runs = Json.parse('runs recover', out.stdout) as List<Map>
        if (!runs.isEmpty()) {
            script.echo("${STEP}: recovered " + describe(runs))
        }
        if (out.exitCode != CliOutput.OK) {
            script.error("${STEP}: a hook failed while recovering " + describe(runs) + '; see the log above')
        }
        return ids(runs)
    }

    @NonCPS
    private static List<String> ids(List<Map> runs) {
        return runs.collect { Map r -> r.runId as String }
    }

    @NonCPS
    private static String describe(List<Map> runs) {
        return runs.collect { Map r -> "run ${r.runId}" + (r.hooksSucceeded ? '' : ' (a hook failed)') }.join(', ')
    }
}
