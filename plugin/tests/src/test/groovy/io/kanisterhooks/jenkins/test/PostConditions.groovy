package io.kanisterhooks.jenkins.test

/**
 * Declarative's post conditions (the BuildCondition extensions of pipeline-model-definition). They run in the order
 * of their extension ordinals, which is not the order the documentation lists them in: always (1000), changed (900),
 * fixed (890), regression (880), aborted (800), success (700), unsuccessful (650), unstable (600), failure (500),
 * notBuilt (400), cleanup (-10000, so last).
 * <p>
 * Each condition looks at a combined result: the flow's, the build's and that of the error that ended the pipeline or
 * stage (an interruption's own result, else FAILURE); for a stage, also the worst result its steps gave the stage
 * (unstable, catchError, warnError). changed, fixed and regression compare the combined result without the stage's
 * own with the previous completed build's result: changed when it differs (or there is no previous build), fixed when
 * SUCCESS after FAILURE or UNSTABLE, regression when worse.
 */
final class PostConditions {
    static final List<String> ORDER = ['always', 'changed', 'fixed', 'regression', 'aborted', 'success',
            'unsuccessful', 'unstable', 'failure', 'notBuilt', 'cleanup']

    private PostConditions() {
    }

    /**
     * @param result the combined result (with the stage's own)
     * @param buildResult the combined result without the stage's own
     * @param previous the previous completed build's result, or null without one
     */
    static boolean meets(String condition, String result, String buildResult, String previous) {
        switch (condition) {
            case 'always':
            case 'cleanup':
                return true
            case 'changed':
                return previous == null || buildResult != previous
            case 'fixed':
                return previous != null && buildResult == 'SUCCESS' && previous in ['FAILURE', 'UNSTABLE']
            case 'regression':
                return previous != null && Results.isWorseThan(buildResult, previous)
            case 'aborted':
                return result == 'ABORTED'
            case 'success':
                return result == 'SUCCESS'
            case 'unsuccessful':
                return result != 'SUCCESS'
            case 'unstable':
                return result == 'UNSTABLE'
            case 'failure':
                return result == 'FAILURE'
            case 'notBuilt':
                return result == 'NOT_BUILT'
            default:
                throw new IllegalArgumentException("unknown post condition ${condition}")
        }
    }
}
