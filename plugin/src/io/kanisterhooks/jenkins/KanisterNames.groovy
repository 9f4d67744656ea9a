package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * Checks of Kanister and K10 names: blueprint actions, hook references ({@code BLUEPRINT/ACTION}) and hook slots,
 * option names and artifact names and keys. Each check returns its value or throws {@link IllegalArgumentException}.
 */
final class KanisterNames implements Serializable {
    /** Blueprint action names as they appear in blueprints (post-export, backup, preRestore, ...). */
    private static final String ACTION = /[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?/
    static final List<String> SLOTS = ['preHook', 'onSuccess', 'onFailure', 'always']

    private KanisterNames() {
    }

    /** {@code BLUEPRINT/ACTION}, as in K10's hook references. */
    @NonCPS
    static String hookReference(String param, String value) {
        int slash = value.indexOf('/')
        if (slash <= 0 || slash != value.lastIndexOf('/')) {
            throw new IllegalArgumentException("${param}: expected BLUEPRINT/ACTION, e.g. " +
                    "'hook-blueprint/post-export', got '${value}'")
        }
        KubeNames.objectName(param + ' (blueprint)', value.substring(0, slash))
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

    @NonCPS
    static String slot(String param, String value) {
        if (!SLOTS.contains(value)) {
            throw new IllegalArgumentException("${param}: expected one of ${SLOTS.join(', ')}, got '${value}'")
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
}
