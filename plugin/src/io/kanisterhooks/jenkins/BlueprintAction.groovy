package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * {@code kanisterAction(blueprint:, action:, namespace:, ...)}: one blueprint action run like a Kanister ActionSet
 * ({@code run-action}). Returns its output artifacts, {@code [name: [key: value]]}; with {@code subjects:} (several
 * subjects run in parallel) a map from each subject to its artifacts.
 */
class BlueprintAction extends StepCall {
    private static final long serialVersionUID = 1L

    static final String STEP = 'kanisterAction'
    static final List<String> PARAMETERS = (['blueprint', 'blueprintNamespace', 'action', 'namespace', 'subject',
            'subjects', 'options', 'artifacts', 'homeNamespace'] + CliSettings.PARAMETERS).toList()

    private List<String> arguments
    private List<String> subjects
    private boolean keyedBySubject
    private KanisterCli cli

    BlueprintAction(Object script, Map parameters) {
        super(script, STEP, PARAMETERS, parameters)
    }

    @Override
    @NonCPS
    protected void configure(StepArguments args) {
        List<String> a = ['run-action',
                '--blueprint=' + WorkspacePaths.path('blueprint', args.requiredString('blueprint')),
                '--action=' + KanisterNames.action('action', args.requiredString('action')),
                '--namespace=' + KubeNames.namespace('namespace', args.requiredString('namespace'))]
        HookRunOptions.add(a, 'blueprint-namespace', optionalNamespace(args, 'blueprintNamespace'))
        HookRunOptions.add(a, 'home-namespace', optionalNamespace(args, 'homeNamespace'))
        if (args.has('subject') && args.has('subjects')) {
            throw new IllegalArgumentException('give subject (one) or subjects (a list), not both')
        }
        keyedBySubject = args.has('subjects')
        subjects = keyedBySubject ? args.stringList('subjects') : args.stringList('subject')
        subjects = subjects.collect { KubeNames.subject(keyedBySubject ? 'subjects' : 'subject', it) }
        subjects.each { a << '--subject=' + it }
        HookRunOptions.checkedOptions(args.stringMap('options')).each { k, v -> a << "--option=${k}=${v}".toString() }
        args.nestedStringMap('artifacts').each { String name, Map<String, String> kv ->
            KanisterNames.artifactKey('artifacts', name)
            kv.each { k, v ->
                a << "--artifact=${name}.${KanisterNames.artifactKey('artifacts.' + name, k)}=${v}".toString()
            }
        }
        a << '--output=json'
        arguments = a
        cli = new KanisterCli(script, new CliSettings(args))
    }

    @NonCPS
    private static String optionalNamespace(StepArguments args, String name) {
        String v = args.string(name)
        return v == null ? null : KubeNames.namespace(name, v)
    }

    Map run() {
        readParameters()
        cli.prepare()
        List<String> a = new ArrayList<String>(arguments)
        a.addAll(cli.clusterArguments())
        CliOutput out = cli.run('run-action', a)
        if (out.exitCode != CliOutput.OK && out.exitCode != CliOutput.FAILED || !out.stdout.trim().startsWith('[')) {
            script.error(STEP + ': ' + out.failureMessage('failed'))
        }
        List<Map> results = Json.parse('run-action', out.stdout) as List<Map>
        List<String> failures = failures(results)
        if (!failures.isEmpty()) {
            script.error("${STEP}: ${out.command} failed:\n  " + failures.join('\n  '))
        }
        return artifacts(results)
    }

    @NonCPS
    private static List<String> failures(List<Map> results) {
        return results.findAll { !it.succeeded }.collect { Map r ->
            "${r.namespace}/${r.subject}: ${r.error ?: 'failed'}".toString()
        }
    }

    @NonCPS
    private Map artifacts(List<Map> results) {
        if (!keyedBySubject) {
            return results.isEmpty() ? [:] : Json.artifacts(results[0].artifacts)
        }
        Map<String, Object> bySubject = [:]
        for (int i = 0; i < results.size() && i < subjects.size(); i++) {
            bySubject.put(subjects[i], Json.artifacts(results[i].artifacts))
        }
        return bySubject
    }
}
