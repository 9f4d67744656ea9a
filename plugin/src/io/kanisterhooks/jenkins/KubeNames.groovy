package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * Checks of Kubernetes names (namespaces, object names, a hook's subject, a kubeconfig context) and label selectors
 * before they reach the CLI, so that a typo fails at once with the parameter's name, and nothing that looks like an
 * option or a second argument can slip in. (Values never pass through a shell: see {@link KanisterCli}.) Each check
 * returns its value or throws {@link IllegalArgumentException}.
 */
final class KubeNames implements Serializable {
    /** Kubernetes DNS-1123 label: namespaces. */
    private static final String LABEL = /[a-z0-9]([-a-z0-9]*[a-z0-9])?/
    /** Kubernetes DNS-1123 subdomain: Blueprints, workloads, PVCs. */
    private static final String SUBDOMAIN = /[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/
    static final List<String> SUBJECT_KINDS = ['statefulset', 'deployment', 'deploymentconfig', 'pvc']

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

    /** A kubeconfig context name: any text on one line. */
    @NonCPS
    static String contextName(String param, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("${param}: '${value}' is not a usable context name (one line)")
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
}
