package io.kanisterhooks.jenkins.test

import hudson.AbortException
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException
import org.jenkinsci.plugins.workflow.steps.MissingContextVariableException
import org.junit.Before
import org.junit.Test
import org.junit.runner.RunWith
import org.junit.runners.Parameterized

import static org.assertj.core.api.Assertions.assertThat

/**
 * The test stand-ins of Jenkins' steps, one rule per test: timeout (interrupt, grace period, termination), sh when
 * interrupted, retry, parallel, the result steps, agents and credentials. No CLI, no cluster.
 */
@RunWith(Parameterized)
class StepStandInsTest extends PipelineTestBase {

    StepStandInsTest(String mode) {
        super(mode)
    }

    @Before
    void shortGracePeriod() {
        timeoutGracePeriodMillis = 3_000
    }

    /** A pipeline: {@code body} in a one-second timeout, on a node. */
    private static String inATimeout(String body, String after = '') {
        return """
node {
    timeout(time: 1, unit: 'SECONDS') {
${body}
    }
${after}
}
"""
    }

    /** Groovy code that runs three seconds without calling a step. */
    private static final String THREE_SECONDS_WITHOUT_A_STEP = '''
        long end = System.currentTimeMillis() + 3000
        while (System.currentTimeMillis() < end) {
        }
'''

    private File file(String name) {
        return new File(workspace, name)
    }

    private static boolean alive(File pidFile) {
        return Processes.alive(pidFile.text.trim() as long)
    }

    /** Whether the process ends within seconds (a signal is delivered, and the process reaped, a moment later). */
    private static boolean ends(File pidFile) {
        long deadline = System.nanoTime() + 10_000_000_000L
        while (alive(pidFile) && System.nanoTime() < deadline) {
            Thread.sleep(100)
        }
        return !alive(pidFile)
    }

    // ---- timeout ----------------------------------------------------------------------------------------------------

    @Test
    void aTimeoutThatDoesNotExpireReturnsTheBodysValue() {
        runPipeline('''
node {
    def v = timeout(time: 30, unit: 'SECONDS') { sh(script: 'echo hi', returnStdout: true).trim() }
    echo "got ${v}"
}
''')
        assertThat(console).contains('Timeout set to expire in 30 sec', 'got hi').doesNotContain('Cancelling')
        assertThat(buildResult).isEqualTo('SUCCESS')
    }

    @Test
    void anExpiredTimeoutSendsSigtermToTheRunningScriptAndTheStepFailsWithTheInterruption() {
        Throwable t = failingPipeline(inATimeout('''
        sh(script: 'trap "echo got SIGTERM; exit 3" TERM; while true; do sleep 0.1 || true; done',
                returnStatus: true)'''))
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat((t as FlowInterruptedException).causes*.shortDescription)
                .containsExactly('Timeout has been exceeded')
        assertThat(console).containsSubsequence('Cancelling nested steps due to timeout',
                'Sending interrupt signal to process', 'got SIGTERM').doesNotContain('extreme prejudice')
        assertThat(buildResult).isEqualTo('ABORTED')
    }

    @Test
    void aBodyThatEndsWithinTheGracePeriodRunsToItsEnd() {
        timeoutGracePeriodMillis = 20_000
        Throwable t = failingPipeline(inATimeout('''
        try {
            sh 'sleep 30'
        } catch (e) {
            sh 'sleep 1; echo cleanup done'
            throw e
        }'''))
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat(console).contains('cleanup done').doesNotContain('extreme prejudice')
    }

    @Test
    void aBodyThatSwallowsTheInterruptionEndsTheTimeoutNormally() {
        runPipeline(inATimeout('''
        try {
            sh 'sleep 30'
        } catch (e) {
            echo "swallowed ${e.class.simpleName}"
        }''', "    echo 'after the timeout'"))
        assertThat(console).contains('swallowed FlowInterruptedException', 'after the timeout')
        assertThat(buildResult).isEqualTo('SUCCESS')
    }

    @Test
    void aBodyStillRunningAfterTheGracePeriodIsTerminatedAndItsScriptKilled() {
        long start = System.nanoTime()
        Throwable t = failingPipeline(inATimeout('''
        try {
            sh 'sleep 30'
        } catch (e) {
            sh 'echo $$ > cleanup.pid; sleep 60; echo cleanup done'
        }'''))
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat(console).contains('Body did not finish within grace period; terminating with extreme prejudice')
                .doesNotContain('cleanup done')
        assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L)
        assertThat(ends(file('cleanup.pid'))).isTrue()
    }

    @Test
    void aScriptThatIgnoresSigtermGetsSigkillWhenTheBodyIsTerminated() {
        shell.stopTimeoutMillis = 120_000
        Throwable t = failingPipeline(inATimeout('''
        sh 'trap "echo ignoring SIGTERM" TERM; echo $$ > script.pid; while true; do sleep 0.2 || true; done'
'''))
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat(console).containsSubsequence('Sending interrupt signal to process', 'ignoring SIGTERM',
                'terminating with extreme prejudice')
        assertThat(ends(file('script.pid'))).isTrue()
    }

    @Test
    void aStoppedScriptThatDoesNotEndIsLeftBehindAfterTheStopTimeout() {
        timeoutGracePeriodMillis = 60_000
        shell.stopTimeoutMillis = 2_000
        Throwable t = failingPipeline(inATimeout('''
        sh 'trap "" TERM; echo $$ > script.pid; while true; do sleep 0.2 || true; done'
'''))
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat(console).contains('After 2s process did not stop').doesNotContain('extreme prejudice')
        assertThat(alive(file('script.pid'))).isTrue()
    }

    @Test
    void anInterruptionBetweenStepsIsThrownByTheNextStep() {
        Throwable t = failingPipeline(inATimeout(THREE_SECONDS_WITHOUT_A_STEP + '''
        echo 'the next step ran'
'''))
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat(console).doesNotContain('the next step ran')
    }

    @Test
    void anInterruptionAfterTheLastStepEndsTheBodyWithIt() {
        Throwable t = failingPipeline(inATimeout(THREE_SECONDS_WITHOUT_A_STEP, "    echo 'after the timeout'"))
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat(console).doesNotContain('after the timeout')
    }

    @Test
    void retryRetriesABodyThatItsOwnTimeoutInterrupted() {
        runPipeline("""
node {
    retry(3) {
        timeout(time: 1, unit: 'SECONDS') {
            sh '${countAttempt()}; [ "\$n" -ge 2 ] || sleep 30'
        }
    }
}
""")
        assertThat(file('attempts').text.trim()).isEqualTo('3')
        assertThat(console.count('Retrying')).isEqualTo(2)
        assertThat(buildResult).isEqualTo('SUCCESS')
    }

    @Test
    void retryInsideATimeoutDoesNotRetryTheTimeoutsInterruption() {
        Throwable t = failingPipeline(inATimeout("""
        retry(5) {
            sh '${countAttempt()}; sleep 30'
        }"""))
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat(file('attempts').text.trim()).isEqualTo('1')
        assertThat(console).doesNotContain('Retrying')
    }

    // ---- retry and abort --------------------------------------------------------------------------------------------

    @Test
    void retryRunsTheWholeBodyAgainUntilItSucceeds() {
        runPipeline("""
node {
    retry(3) {
        echo 'attempt starts'
        sh '${countAttempt()}; [ "\$n" -ge 2 ]'
    }
}
""")
        assertThat(file('attempts').text.trim()).isEqualTo('3')
        assertThat(console.count('attempt starts')).isEqualTo(3)
        assertThat(console).containsSubsequence('ERROR: script returned exit code 1', 'Retrying')
    }

    @Test
    void retryGivesUpAfterItsAttemptsWithTheLastError() {
        Throwable t = failingPipeline("""
node {
    retry(count: 2) {
        sh '${countAttempt()}; exit 4'
    }
}
""")
        assertThat(t).isInstanceOf(AbortException).hasMessage('script returned exit code 4')
        assertThat(file('attempts').text.trim()).isEqualTo('2')
        assertThat(buildResult).isEqualTo('FAILURE')
    }

    @Test
    void anAbortIsNeverRetried() {
        abortWhen('alice') { file('started').exists() }
        Throwable t = failingPipeline("""
node {
    retry(3) {
        sh '${countAttempt()}; touch started; sleep 60'
    }
}
""")
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat((t as FlowInterruptedException).causes*.shortDescription).containsExactly('Aborted by alice')
        assertThat(file('attempts').text.trim()).isEqualTo('1')
        assertThat(buildResult).isEqualTo('ABORTED')
    }

    // ---- parallel ---------------------------------------------------------------------------------------------------

    @Test
    void parallelRunsEveryBranchAndReturnsTheirValues() {
        runPipeline('''
node {
    def values = parallel(a: { 'A' }, b: { sh(script: 'echo B', returnStdout: true).trim() })
    echo "values ${values.a} ${values.b}"
}
''')
        assertThat(console).contains('values A B')
        assertThat(parallelStep.branchResults).isEqualTo([a: 'SUCCESS', b: 'SUCCESS'])
    }

    @Test
    void withoutFailFastEveryBranchEndsAndTheMostSevereFailureIsThrown() {
        Throwable t = failingPipeline('''
parallel(a: { error 'a failed' }, b: { echo 'b ran' }, c: { throw new IllegalStateException('c broke') })
''')
        assertThat(t).isInstanceOf(IllegalStateException).hasMessage('c broke')
        assertThat(t.suppressed*.message).containsExactly('a failed')
        assertThat(console).containsSubsequence('Failed in branch a', 'b ran', 'Failed in branch c')
        assertThat(parallelStep.branchResults).isEqualTo([a: 'FAILURE', b: 'SUCCESS', c: 'FAILURE'])
    }

    @Test
    void failFastStopsTheBranchesThatHaveNotEnded() {
        Throwable t = failingPipeline('''
parallel(a: { error 'a failed' }, b: { echo 'b ran' }, failFast: true)
''')
        assertThat(t).isInstanceOf(AbortException).hasMessage('a failed')
        assertThat(t.suppressed[0]).isInstanceOf(FlowInterruptedException)
        assertThat((t.suppressed[0] as FlowInterruptedException).causes*.shortDescription)
                .containsExactly('Failed in branch a')
        assertThat(console).doesNotContain('b ran')
        assertThat(parallelStep.branchResults).isEqualTo([a: 'FAILURE', b: 'ABORTED'])
    }

    // ---- results ----------------------------------------------------------------------------------------------------

    @Test
    void unstableMarksTheBuildAndTheStageAndTheFlowGoesOn() {
        runPipeline('''
stage('tests') {
    unstable 'flaky tests'
    echo 'still running'
}
''')
        assertThat(console).containsSubsequence('WARNING: flaky tests', 'still running')
        assertThat(buildResult).isEqualTo('UNSTABLE')
        assertThat(stageNamed('tests').result).isEqualTo('UNSTABLE')
    }

    @Test
    void resultsOnlyGetWorse() {
        runPipeline('''
catchError { error 'boom' }
unstable 'later'
currentBuild.result = 'SUCCESS'
echo "result ${currentBuild.result} ${currentBuild.currentResult}"
''')
        assertThat(console).contains('result FAILURE FAILURE')
        assertThat(buildResult).isEqualTo('FAILURE')
    }

    @Test
    void errorThrowsAbortExceptionAndSetsNoResultItself() {
        runPipeline('''
try {
    error 'stop here'
} catch (hudson.AbortException e) {
    echo "caught ${e.message}, result ${currentBuild.currentResult}"
}
''')
        assertThat(console).contains('caught stop here, result SUCCESS')
        assertThat(buildResult).isEqualTo('SUCCESS')
        Throwable t = failingPipeline("error 'uncaught'")
        assertThat(t).isInstanceOf(AbortException)
        assertThat(buildResult).isEqualTo('FAILURE')
    }

    @Test
    void catchErrorSwallowsTheErrorAndSetsBuildAndStageResults() {
        runPipeline('''
stage('s') {
    catchError(message: 'deploy failed', buildResult: 'UNSTABLE', stageResult: 'FAILURE') { error 'boom' }
    echo 'went on'
}
''')
        assertThat(console).containsSubsequence('ERROR: deploy failed', 'ERROR: boom',
                'Setting overall build result to UNSTABLE', 'went on')
        assertThat(buildResult).isEqualTo('UNSTABLE')
        assertThat(stageNamed('s').result).isEqualTo('FAILURE')
    }

    @Test
    void catchErrorFailsTheBuildButNotTheStageByDefault() {
        runPipeline('''
stage('s') {
    catchError { error 'boom' }
}
''')
        assertThat(buildResult).isEqualTo('FAILURE')
        assertThat(stageNamed('s').result).isEqualTo('SUCCESS')
    }

    @Test
    void catchErrorCatchesAnAbortWithItsOwnResult() {
        abortWhen('bob') { file('started').exists() }
        runPipeline('''
node {
    catchError(buildResult: 'UNSTABLE') { sh 'touch started; sleep 60' }
    echo 'went on'
}
''')
        assertThat(console).contains('Aborted by bob', 'went on')
        assertThat(buildResult).isEqualTo('ABORTED')
    }

    @Test
    void catchErrorWithoutCatchInterruptionsLetsAnAbortThrough() {
        abortWhen('bob') { file('started').exists() }
        Throwable t = failingPipeline('''
node {
    catchError(catchInterruptions: false) { sh 'touch started; sleep 60' }
    echo 'went on'
}
''')
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat(console).doesNotContain('went on')
    }

    @Test
    void warnErrorMakesBuildAndStageUnstable() {
        runPipeline('''
stage('s') {
    warnError('lint failed') { error 'boom' }
}
''')
        assertThat(console).contains('ERROR: lint failed')
        assertThat(buildResult).isEqualTo('UNSTABLE')
        assertThat(stageNamed('s').result).isEqualTo('UNSTABLE')
    }

    // ---- agents and credentials -------------------------------------------------------------------------------------

    @Test
    void stepsThatNeedAWorkspaceFailOutsideNode() {
        Throwable t = failingPipeline("sh 'true'")
        assertThat(t).isInstanceOf(MissingContextVariableException).hasMessageContaining('hudson.FilePath')
        assertThat(failingPipeline("writeFile file: 'x', text: 'y'")).isInstanceOf(MissingContextVariableException)
    }

    @Test
    void nodeRunsItsBodyOnAnAgentWithTheLabelInThatAgentsWorkspace() {
        Agents.Agent k8s = addAgent('agent-2', ['k8s'])
        runPipeline('''
stage('build') {
    node('k8s') {
        sh 'echo "on $NODE_NAME" > where'
    }
}
''')
        assertThat(new File(k8s.workspace, 'where').text.trim()).isEqualTo('on agent-2')
        assertThat(file('where')).doesNotExist()
        assertThat(stageNamed('build').agent).isEqualTo('agent-2')
    }

    @Test
    void noAgentWithTheLabel() {
        Throwable t = failingPipeline("node('windows') { echo 'x' }")
        assertThat(t).isInstanceOf(IllegalStateException).hasMessageContaining('no nodes with the label ‘windows’')
    }

    @Test
    void withCredentialsBindsEachKindForItsBodyOnly() {
        addCredentialsOfEachKind()
        runPipeline('''
node {
    withCredentials([file(credentialsId: 'kc', variable: 'KC'), string(credentialsId: 'token', variable: 'TOKEN'),
            usernamePassword(credentialsId: 'repo', usernameVariable: 'U', passwordVariable: 'P')]) {
        sh 'cat "$KC" > kc-copy; echo "$TOKEN $U $P" > secrets; echo "$KC" > kc-path'
    }
    sh 'echo "after: ${TOKEN:-unset}" > after'
}
''')
        assertThat(file('kc-copy').text).isEqualTo('apiVersion: v1')
        assertThat(file('secrets').text.trim()).isEqualTo('s3cr3t deployer pw')
        assertThat(new File(file('kc-path').text.trim())).doesNotExist()
        assertThat(file('kc-path').text).startsWith(workspace.path + '@tmp/secretFiles/')
        assertThat(file('after').text.trim()).isEqualTo('after: unset')
    }
}
