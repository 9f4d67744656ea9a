package io.kanisterhooks.jenkins.test

/**
 * {@code currentBuild} as a Jenkinsfile sees it (RunWrapper): {@code result} is null while the build runs until
 * something makes it worse, and can only be made worse ({@code currentBuild.result = 'UNSTABLE'} after a FAILURE keeps
 * FAILURE); {@code currentResult} is never null; {@code previousBuild} is the previous completed build, or null.
 * Serializable, as a Jenkinsfile may keep it in a variable across steps.
 */
class CurrentBuild implements Serializable {
    private static final long serialVersionUID = 1L

    final int number
    /** The previous completed build (changed, fixed and regression compare with it), or null for the first build. */
    CurrentBuild previousBuild
    private String result
    /**
     * The result of the flow itself, set when the whole build is aborted (CpsFlowExecution's result); Declarative's
     * post conditions combine it with the build's result.
     */
    String executionResult

    CurrentBuild(int number, String result) {
        this.number = number
        this.result = result
    }

    String getResult() {
        return result
    }

    /** As WorkflowRun.setResult: the result only gets worse. */
    void setResult(String r) {
        String named = Results.named(r)
        if (result == null || Results.isWorseThan(named, result)) {
            result = named
        }
    }

    String getCurrentResult() {
        return result ?: 'SUCCESS'
    }

    /**
     * Sets the result whatever it was, as Declarative does around a post condition (the build shows the condition's
     * result while it runs, and gets its own back afterwards).
     */
    void overrideResult(String r) {
        result = r
    }
}
