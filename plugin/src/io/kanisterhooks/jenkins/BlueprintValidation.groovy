package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * {@code kanisterValidate(paths: [...], hooks: true)}: the static checks of {@code kanister-hooks validate}, without a
 * cluster. Problems fail the build, each as {@code file:line:col: message}; warnings alone are printed and returned.
 */
class BlueprintValidation extends StepCall {
    private static final long serialVersionUID = 1L

    static final String STEP = 'kanisterValidate'
    static final List<String> PARAMETERS = (['paths', 'hooks'] + CliSettings.LOCAL_PARAMETERS).toList()

    private List<String> arguments
    private KanisterCli cli

    BlueprintValidation(Object script, Map parameters) {
        super(script, STEP, PARAMETERS, parameters)
    }

    @Override
    @NonCPS
    protected void configure(StepArguments args) {
        List<String> paths = args.stringList('paths')
        if (paths.isEmpty()) {
            throw new IllegalArgumentException('paths: required (blueprint files or directories)')
        }
        arguments = ['validate']
        if (args.bool('hooks', false)) {
            arguments << '--hooks'
        }
        arguments << '--'
        // after "--" nothing is an option; "./" keeps a leading "@" from being read as an argument file
        paths.each { arguments << (it.startsWith('@') ? './' + it : WorkspacePaths.path('paths', it)) }
        cli = new KanisterCli(script, new CliSettings(args))
    }

    List<String> run() {
        readParameters()
        cli.prepare()
        CliOutput out = cli.run('validate', arguments)
        List<String> problems = out.stdoutLines()
        if (out.exitCode == CliOutput.BAD_INPUT && !problems.isEmpty()) {
            script.error("${STEP}: ${problems.size()} problem${problems.size() == 1 ? '' : 's'} found:\n" +
                    problems.join('\n'))
        }
        if (out.exitCode != CliOutput.OK) {
            script.error(STEP + ': ' + out.failureMessage('failed'))
        }
        if (!problems.isEmpty()) {
            script.echo("${STEP}: warnings:\n" + problems.join('\n'))
        }
        return problems
    }
}
