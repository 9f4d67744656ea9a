package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * {@code kanisterPlan(...)}: what {@code withExecutionHooks} with the same hooks would run, for a pull request,
 * read-only. {@code kanister-hooks validate --hooks} checks the blueprint and hook files of the workspace, then
 * {@code plan}, started once, renders every namespace × hook into {@code planDir}: the plan as text (also printed)
 * and JSON, and a JUnit file with a test case per namespace and hook. The files are archived and the JUnit file
 * recorded: a hook that would not start (its subject or an object it names is missing) or whose phases would not
 * render is a failed test case, so the build is UNSTABLE. Bad input (exit 2) fails the step with the CLI's lines.
 * Returns the plan's entries.
 */
class HookPreview extends StepCall {
    private static final long serialVersionUID = 1L

    static final String STEP = 'kanisterPlan'
    static final List<String> PARAMETERS = (ExecutionHooks.SLOT_OPTIONS.keySet() + ['hooksFile', 'k10Object',
            'planDir'] + HookRunOptions.SELECTION_PARAMETERS + CliSettings.PARAMETERS).toList()
    static final String TEXT = 'kanister-plan.txt'
    static final String JSON = 'kanister-plan.json'
    static final String JUNIT = 'kanister-plan-junit.xml'

    private List<String> hookArguments
    private HookRunOptions options
    private List<String> localFiles
    private String directory
    private KanisterCli cli

    HookPreview(Object script, Map parameters) {
        super(script, STEP, PARAMETERS, parameters)
    }

    @Override
    @NonCPS
    protected void configure(StepArguments args) {
        hookArguments = ExecutionHooks.hookArguments(args)
        // only the selection parameters get here: the options of a run stay unset
        options = new HookRunOptions(args, 'hookTimeout', null)
        String dir = args.string('planDir')
        directory = dir == null ? 'kanister-plan' : WorkspacePaths.path('planDir', dir)
        String hooksFile = args.string('hooksFile') ?: args.string('k10Object')
        localFiles = new ArrayList<String>(options.blueprints)
        if (hooksFile != null) {
            int hash = hooksFile.lastIndexOf('#')
            localFiles.add(hash < 0 ? hooksFile : hooksFile.substring(0, hash))
        }
        cli = new KanisterCli(script, new CliSettings(args))
    }

    List<Map> run() {
        readParameters()
        cli.prepare()
        validate()
        String junitFile = directory + '/' + JUNIT
        String jsonFile = directory + '/' + JSON
        // one start of the CLI: the text on stdout, the entries and the JUnit file written beside it
        CliOutput text = plan(['--output=text', '--junit=' + junitFile, '--json=' + jsonFile])
        script.writeFile(file: directory + '/' + TEXT, text: text.stdout)
        script.echo("${STEP}:\n" + text.stdout.trim())
        String json = script.readFile(jsonFile) as String
        script.archiveArtifacts(artifacts: planFiles(), allowEmptyArchive: true)
        boolean recorded = new PluginSteps(script).junit(junitFile)
        List<Map> entries = Json.parse('plan', json) as List<Map>
        List<String> failing = failing(entries)
        if (!failing.isEmpty()) {
            String message = "${STEP}: ${failing.size()} of ${entries.size()} hooks would fail:\n  " +
                    failing.join('\n  ')
            if (recorded) {
                script.echo(message) // the junit step made the build UNSTABLE
            } else {
                script.unstable(message)
            }
        }
        return entries
    }

    /** The blueprint and hook files of the workspace (names of Blueprint objects are the plan's to check). */
    private void validate() {
        List<String> files = []
        for (int i = 0; i < localFiles.size(); i++) { // (a for-each loop around a step breaks CPS in the tests)
            String f = localFiles[i]
            if (script.fileExists(f)) {
                files.add(f.startsWith('@') ? './' + f : f)
            }
        }
        if (files.isEmpty()) {
            return
        }
        CliOutput out = cli.run('validate', ['validate', '--hooks', '--'] + files)
        if (out.exitCode != CliOutput.OK) {
            script.error(STEP + ': ' + out.failureMessage('found problems') +
                    (out.exitCode == CliOutput.BAD_INPUT ? '\n' + out.stdoutLines().join('\n') : ''))
        }
        if (!out.stdoutLines().isEmpty()) {
            script.echo("${STEP}: warnings:\n" + out.stdoutLines().join('\n'))
        }
    }

    /** Exit 0, or 1 with a plan printed (a hook that would fail); anything else fails the step. */
    private CliOutput plan(List<String> outputs) {
        List<String> a = ['plan']
        a.addAll(hookArguments)
        a.addAll(options.cliArguments())
        a.addAll(outputs)
        a.addAll(cli.clusterArguments())
        CliOutput out = cli.run('plan', a)
        boolean planned = out.exitCode == CliOutput.OK ||
                out.exitCode == CliOutput.FAILED && !out.stdout.trim().isEmpty()
        if (!planned) {
            script.error(STEP + ': ' + out.failureMessage(out.exitCode == CliOutput.BAD_INPUT ? 'refused' : 'failed'))
        }
        return out
    }

    /** The plan's files, as archiveArtifacts' comma-separated patterns. */
    @NonCPS
    String planFiles() {
        return [TEXT, JSON, JUNIT].collect { directory + '/' + it }.join(',')
    }

    /** {@code NAMESPACE: SLOT BLUEPRINT/ACTION: first reason} of each entry that would fail. */
    @NonCPS
    static List<String> failing(List<Map> entries) {
        List<String> lines = []
        entries.each { Map e ->
            List<String> reasons = e.error ? [e.error as String] : []
            (e.phases as List<Map>).each { Map p ->
                if (p.error) {
                    reasons.add("phase ${p.phase}: ${p.error}".toString())
                }
            }
            if (!reasons.isEmpty()) {
                lines.add("${e.namespace}: ${e.hook} ${e.blueprint}/${e.action}: ${reasons[0]}".toString())
            }
        }
        return lines
    }
}
