package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * Where and how hooks run, as {@code withExecutionHooks} and {@code kanisterHook} take it, turned into the CLI's hook
 * options ({@code hooks pre|post}). The hooks themselves (slots, hooks file) are added by the step.
 */
class HookRunOptions implements Serializable {
    private static final long serialVersionUID = 1L

    static final List<String> PARAMETERS = ['blueprint', 'blueprintNamespace', 'namespaces', 'namespaceSelector',
            'subject', 'options', 'timeout', 'parallelism', 'forceRootInHooks', 'homeNamespace', 'noHooksOnAbort']

    final List<String> blueprints
    final String blueprintNamespace
    final List<String> namespaces
    final String namespaceSelector
    final String subject
    final Map<String, String> options
    final String timeout
    final Integer parallelism
    final Boolean forceRootInHooks
    final String homeNamespace
    final boolean noHooksOnAbort

    HookRunOptions(StepArguments args) {
        blueprints = args.stringList('blueprint')
        blueprintNamespace = optional(args, 'blueprintNamespace') { String v -> KubeNames.namespace('blueprintNamespace', v) }
        namespaces = args.stringList('namespaces')
        for (int i = 0; i < namespaces.size(); i++) {
            KubeNames.namespace('namespaces', namespaces[i])
        }
        namespaceSelector = optional(args, 'namespaceSelector') { String v -> KubeNames.labelSelector('namespaceSelector', v) }
        if (namespaces.isEmpty() == (namespaceSelector == null)) {
            throw new IllegalArgumentException('give the namespaces the hooks run for: namespaces (a name or a list) ' +
                    'or namespaceSelector (a label selector), not both')
        }
        subject = optional(args, 'subject') { String v -> KubeNames.subject('subject', v) }
        options = checkedOptions(args.stringMap('options'))
        timeout = optional(args, 'timeout') { String v -> goDuration('timeout', v) }
        parallelism = args.has('parallelism') ? args.integer('parallelism', 8, 1) : null
        forceRootInHooks = args.has('forceRootInHooks') ? args.bool('forceRootInHooks', true) : null
        homeNamespace = optional(args, 'homeNamespace') { String v -> KubeNames.namespace('homeNamespace', v) }
        noHooksOnAbort = args.bool('noHooksOnAbort', false)
    }

    /** The CLI options; every value as {@code --name=value}, so that no value can be read as an option. */
    @NonCPS
    List<String> cliArguments() {
        List<String> a = []
        blueprints.each { a << "--blueprint=${it}".toString() }
        add(a, 'blueprint-namespace', blueprintNamespace)
        namespaces.each { a << "--namespace=${it}".toString() }
        add(a, 'namespace-selector', namespaceSelector)
        add(a, 'subject', subject)
        options.each { k, v -> a << "--option=${k}=${v}".toString() }
        add(a, 'timeout', timeout)
        add(a, 'parallelism', parallelism)
        add(a, 'force-root-in-hooks', forceRootInHooks)
        add(a, 'home-namespace', homeNamespace)
        if (noHooksOnAbort) {
            a << '--no-hooks-on-abort'
        }
        return a
    }

    @NonCPS
    static void add(List<String> a, String name, Object value) {
        if (value != null) {
            a << "--${name}=${value}".toString()
        }
    }

    @NonCPS
    static Map<String, String> checkedOptions(Map<String, String> options) {
        options.keySet().each { KanisterNames.optionKey('options', it) }
        return options
    }

    /** A Go duration as the CLI takes it: 90s, 20m, 1h30m. */
    @NonCPS
    static String goDuration(String param, String value) {
        if (!(value ==~ /([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+/)) {
            throw new IllegalArgumentException("${param}: '${value}' is not a duration like 90s, 20m or 1h30m")
        }
        return value
    }

    @NonCPS
    private static String optional(StepArguments args, String name, Closure check) {
        String v = args.string(name)
        return v == null ? null : (String) check.call(v)
    }
}
