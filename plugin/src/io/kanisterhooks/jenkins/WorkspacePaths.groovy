package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * Checks of the paths steps take (blueprints, reports, the CLI, a hooks file): one line each, and a hooks file's
 * optional {@code #ACTION} suffix. Each check returns its value or throws {@link IllegalArgumentException}.
 */
final class WorkspacePaths implements Serializable {
    static final List<String> K10_ACTIONS = ['backup', 'export', 'restore']

    private WorkspacePaths() {
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
}
