package io.kanisterhooks.jenkins.test

import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException

/**
 * Jenkins' build results (hudson.model.Result) as strings, in Jenkins' order: SUCCESS, UNSTABLE, FAILURE, NOT_BUILT,
 * ABORTED, each one worse than the ones before it. A build's result only ever gets worse ({@code combine}).
 */
final class Results {
    static final List<String> ORDER = ['SUCCESS', 'UNSTABLE', 'FAILURE', 'NOT_BUILT', 'ABORTED']

    private Results() {
    }

    /** The worse of the two (null counts as SUCCESS), as Result.combine. */
    static String combine(String a, String b) {
        return isWorseThan(b, a) ? b : (a ?: 'SUCCESS')
    }

    static boolean isWorseThan(String a, String b) {
        return rank(a) > rank(b)
    }

    /** The result a build (or stage) ends with when {@code t} ends it: an interruption's own, else FAILURE. */
    static String of(Throwable t) {
        return t instanceof FlowInterruptedException ? (t as FlowInterruptedException).result : 'FAILURE'
    }

    /** A result name as a step takes it (case does not matter, as Result.fromString); null stays null. */
    static String named(Object name) {
        if (name == null) {
            return null
        }
        String upper = name.toString().toUpperCase(Locale.ROOT)
        if (!ORDER.contains(upper)) {
            throw new IllegalArgumentException("${name} is not a build result; use one of ${ORDER.join(', ')}")
        }
        return upper
    }

    private static int rank(String r) {
        return r == null ? 0 : ORDER.indexOf(r)
    }
}
