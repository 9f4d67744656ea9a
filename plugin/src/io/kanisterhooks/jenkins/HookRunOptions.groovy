package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

import java.math.RoundingMode

/**
 * Where and how hooks run, as {@code withExecutionHooks} and {@code kanisterHook} take it, turned into the CLI's hook
 * options ({@code hooks pre|post}). The hooks themselves (slots, hooks file) are added by the step. A new run gets
 * them all; a later invocation of the run (hooks post, hooks pre after a retry) gets only what finds the run (its home
 * namespace) and what is the invocation's own: the run's state in the cluster holds the rest, so no file of the
 * workspace is needed any more.
 */
class HookRunOptions implements Serializable {
    private static final long serialVersionUID = 1L

    private static final String DURATION_PART = /([0-9]+(?:\.[0-9]+)?)(ns|us|µs|ms|s|m|h)/
    private static final String GO_DURATION = /(${DURATION_PART})+/
    private static final Map<String, BigDecimal> UNIT_SECONDS = [ns: 0.000000001, us: 0.000001, 'µs': 0.000001,
            ms: 0.001, s: 1, m: 60, h: 3600]

    /** What chooses and renders the hooks: all that kanisterPlan takes of these. */
    static final List<String> SELECTION_PARAMETERS = ['blueprint', 'blueprintNamespace', 'namespaces',
            'namespaceSelector', 'subject', 'options', 'forceRootInHooks', 'homeNamespace']
    static final List<String> PARAMETERS = (SELECTION_PARAMETERS + ['hookTimeout', 'parallelism', 'noHooksOnAbort',
            'claimTtl', 'lockWait', 'onError']).toList()
    /** What the step adds to a body's timeout for the claim TTL it derives from it (see {@link #claimTtlFor}). */
    static final long CLAIM_MARGIN_SECONDS = 600

    final List<String> blueprints
    final String blueprintNamespace
    final List<String> namespaces
    final String namespaceSelector
    final String subject
    final Map<String, String> options
    final String hookTimeout
    final Integer parallelism
    final Boolean forceRootInHooks
    final String homeNamespace
    final boolean noHooksOnAbort
    final String claimTtl
    final String lockWait
    /** What a hook's final failure does when the hook says nothing: Fail (K10's) or Continue (the build: UNSTABLE). */
    final String onError

    /**
     * @param hookTimeoutParameter the parameter that holds the timeout of each hook attempt ({@code hookTimeout};
     *                             kanisterHook also takes it as {@code timeout})
     * @param defaultClaimTtl      the claim TTL when {@code claimTtl} is not given; null: the CLI's default
     */
    HookRunOptions(StepArguments args, String hookTimeoutParameter, String defaultClaimTtl) {
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
        hookTimeout = optional(args, hookTimeoutParameter) { String v -> goDuration(hookTimeoutParameter, v) }
        parallelism = args.has('parallelism') ? args.integer('parallelism', 8, 1) : null
        forceRootInHooks = args.has('forceRootInHooks') ? args.bool('forceRootInHooks', true) : null
        homeNamespace = optional(args, 'homeNamespace') { String v -> KubeNames.namespace('homeNamespace', v) }
        noHooksOnAbort = args.bool('noHooksOnAbort', false)
        claimTtl = optional(args, 'claimTtl') { String v -> goDuration('claimTtl', v) } ?: defaultClaimTtl
        lockWait = optional(args, 'lockWait') { String v -> goDuration('lockWait', v) }
        onError = optional(args, 'onError') { String v ->
            if (!(v in ['Fail', 'Continue'])) {
                throw new IllegalArgumentException("onError: '${v}' is neither Fail nor Continue")
            }
            return v
        }
    }

    /**
     * The CLI options of a new run; every value as {@code --name=value}, so that no value can be read as an option.
     */
    @NonCPS
    List<String> cliArguments() {
        List<String> a = []
        blueprints.each { a << "--blueprint=${it}".toString() }
        add(a, 'blueprint-namespace', blueprintNamespace)
        namespaces.each { a << "--namespace=${it}".toString() }
        add(a, 'namespace-selector', namespaceSelector)
        add(a, 'subject', subject)
        options.each { k, v -> a << "--option=${k}=${v}".toString() }
        add(a, 'timeout', hookTimeout)
        add(a, 'parallelism', parallelism)
        add(a, 'force-root-in-hooks', forceRootInHooks)
        add(a, 'home-namespace', homeNamespace)
        add(a, 'claim-ttl', claimTtl)
        add(a, 'on-error', onError)
        a.addAll(invocationArguments())
        return a
    }

    /** The CLI options of a later invocation of a run: where its state is, and this invocation's own settings. */
    @NonCPS
    List<String> continuingArguments() {
        List<String> a = []
        add(a, 'blueprint-namespace', blueprintNamespace)
        add(a, 'home-namespace', homeNamespace)
        a.addAll(invocationArguments())
        return a
    }

    @NonCPS
    private List<String> invocationArguments() {
        List<String> a = []
        add(a, 'lock-wait', lockWait)
        if (noHooksOnAbort) {
            a << '--no-hooks-on-abort'
        }
        return a
    }

    /**
     * The options {@code runs recover} needs to find the runs (the home namespace, which defaults to the blueprint
     * namespace, as for the hook commands).
     */
    @NonCPS
    static List<String> homeArguments(String blueprintNamespace, String homeNamespace) {
        List<String> a = []
        add(a, 'blueprint-namespace', blueprintNamespace)
        add(a, 'home-namespace', homeNamespace)
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
        if (!(value ==~ GO_DURATION)) {
            throw new IllegalArgumentException("${param}: '${value}' is not a duration like 90s, 20m or 1h30m")
        }
        return value
    }

    /** A Go duration in whole seconds, rounded up (for Jenkins' timeout step); 0 for a zero duration. */
    @NonCPS
    static long seconds(String goDuration) {
        BigDecimal total = 0
        (goDuration =~ DURATION_PART).each { List<String> m ->
            total += new BigDecimal(m[1]) * UNIT_SECONDS.get(m[2])
        }
        return total.setScale(0, RoundingMode.CEILING).longValue()
    }

    /**
     * The claim TTL of a run whose body has {@code bodyTimeout}: nothing renews the claims between hooks pre and hooks
     * post (while a hook runs, its process does), so the TTL covers the body plus {@link #CLAIM_MARGIN_SECONDS} for
     * what the step does around it (Jenkins steps, the CLI's start-up, a body's 20 s to stop after the timeout).
     */
    @NonCPS
    static String claimTtlFor(String bodyTimeout) {
        return (seconds(bodyTimeout) + CLAIM_MARGIN_SECONDS) + 's'
    }

    @NonCPS
    private static String optional(StepArguments args, String name, Closure check) {
        String v = args.string(name)
        return v == null ? null : (String) check.call(v)
    }
}
