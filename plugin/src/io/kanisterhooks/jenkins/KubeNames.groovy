package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * Checks of names before they reach the CLI, so that a typo fails at once with the parameter's name, and nothing
 * that looks like an option or a second argument can slip in. (Values never pass through a shell: see
 * {@link KanisterCli}.) Each check returns its value or throws {@link IllegalArgumentException}.
 */
final class KubeNames implements Serializable {
    /** Kubernetes DNS-1123 label: namespaces. */
    private static final String LABEL = /[a-z0-9]([-a-z0-9]*[a-z0-9])?/
    /** Kubernetes DNS-1123 subdomain: Blueprints, workloads, PVCs. */
    private static final String SUBDOMAIN = /[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/
    /** Blueprint action names as they appear in blueprints (post-export, backup, preRestore, ...). */
    private static final String ACTION = /[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?/
    static final List<String> SUBJECT_KINDS = ['statefulset', 'deployment', 'deploymentconfig', 'pvc']
    static final List<String> SLOTS = ['preHook', 'onSuccess', 'onFailure', 'always']
    static final List<String> K10_ACTIONS = ['backup', 'export', 'restore']

    private KubeNames() {
    }

    @NonCPS
    static String namespace(String param, String value) {
        if (!(value ==~ LABEL) || value.length() > 63) {
            throw new IllegalArgumentException("${param}: '${value}' is not a valid namespace name (lower case " +
                    "letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)")
        }
        return value
    }

    @NonCPS
    static String objectName(String param, String value) {
        if (!(value ==~ SUBDOMAIN) || value.length() > 253) {
            throw new IllegalArgumentException("${param}: '${value}' is not a valid Kubernetes object name (lower " +
                    "case letters, digits, '-' and '.', at most 253 characters)")
        }
        return value
    }

    /** {@code BLUEPRINT/ACTION}, as in K10's hook references. */
    @NonCPS
    static String hookReference(String param, String value) {
        int slash = value.indexOf('/')
        if (slash <= 0 || slash != value.lastIndexOf('/')) {
            throw new IllegalArgumentException("${param}: expected BLUEPRINT/ACTION, e.g. 'hook-blueprint/post-export', " +
                    "got '${value}'")
        }
        objectName(param + ' (blueprint)', value.substring(0, slash))
        action(param + ' (action)', value.substring(slash + 1))
        return value
    }

    @NonCPS
    static String action(String param, String value) {
        if (!(value ==~ ACTION) || value.length() > 253) {
            throw new IllegalArgumentException("${param}: '${value}' is not a valid blueprint action name (letters, " +
                    "digits, '-', '_' and '.')")
        }
        return value
    }

    /** {@code namespace}, or {@code KIND/NAME} with a kind K10 hooks accept. */
    @NonCPS
    static String subject(String param, String value) {
        if (value.equalsIgnoreCase('namespace')) {
            return 'namespace'
        }
        int slash = value.indexOf('/')
        String kind = slash > 0 ? value.substring(0, slash).toLowerCase(Locale.ROOT) : ''
        if (!SUBJECT_KINDS.contains(kind)) {
            throw new IllegalArgumentException("${param}: expected 'namespace' or KIND/NAME with KIND one of " +
                    "${SUBJECT_KINDS.join(', ')}, got '${value}'")
        }
        objectName(param, value.substring(slash + 1))
        return kind + '/' + value.substring(slash + 1)
    }

    @NonCPS
    static String slot(String param, String value) {
        if (!SLOTS.contains(value)) {
            throw new IllegalArgumentException("${param}: expected one of ${SLOTS.join(', ')}, got '${value}'")
        }
        return value
    }

    /** A label selector as kubectl takes it: {@code app=db,tier in (a,b),!legacy}. */
    @NonCPS
    static String labelSelector(String param, String value) {
        if (!(value ==~ /[A-Za-z0-9_.\/=!,() -]+/)) {
            throw new IllegalArgumentException("${param}: '${value}' is not a label selector")
        }
        return value
    }

    /** A Go duration as the CLI takes it: 90s, 20m, 1h30m. */
    @NonCPS
    static String goDuration(String param, String value) {
        if (!(value ==~ /([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+/)) {
            throw new IllegalArgumentException("${param}: '${value}' is not a duration like 90s, 20m or 1h30m")
        }
        return value
    }

    /** An .Options key (a template field name). */
    @NonCPS
    static String optionKey(String param, String value) {
        if (!(value ==~ /[A-Za-z0-9_][-A-Za-z0-9_.]*/)) {
            throw new IllegalArgumentException("${param}: '${value}' is not a valid option name (letters, digits, " +
                    "'_', '-' and '.')")
        }
        return value
    }

    /** An artifact name or key, as Kanister's kando output accepts them. */
    @NonCPS
    static String artifactKey(String param, String value) {
        if (!(value ==~ /[A-Za-z0-9_]+/)) {
            throw new IllegalArgumentException("${param}: '${value}' is not a valid artifact name or key (letters, " +
                    "digits and '_')")
        }
        return value
    }

    /** A file, optionally followed by #backup, #export or #restore (which K10 action's hooks of a Policy). */
    @NonCPS
    static String hooksFile(String param, String value) {
        int hash = value.lastIndexOf('#')
        if (hash >= 0 && !K10_ACTIONS.contains(value.substring(hash + 1))) {
            throw new IllegalArgumentException("${param}: '${value}' ends with an unknown K10 action; use " +
                    K10_ACTIONS.collect { '#' + it }.join(', '))
        }
        return path(param, hash == 0 ? '' : value)
    }

    /** A workspace path: one line. */
    @NonCPS
    static String path(String param, String value) {
        if (value.isEmpty() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("${param}: '${value}' is not a usable path")
        }
        return value
    }

    /** The repository the CLI jar is downloaded from. */
    @NonCPS
    static String repositoryUrl(String param, String value) {
        if (!(value ==~ /(https?:\/\/|file:\/)[^\s]+/)) {
            throw new IllegalArgumentException("${param}: expected an http(s):// or file:// URL of a Maven repository")
        }
        return value
    }
}
