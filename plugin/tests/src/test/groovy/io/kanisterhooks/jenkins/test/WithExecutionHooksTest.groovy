package io.kanisterhooks.jenkins.test

import groovy.json.JsonSlurper
import hudson.AbortException
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException
import org.junit.Test
import org.junit.runner.RunWith
import org.junit.runners.Parameterized

import static org.assertj.core.api.Assertions.assertThat

/** withExecutionHooks end to end: K10's rules, with the real CLI on the local cluster. */
@RunWith(Parameterized)
class WithExecutionHooksTest extends ClusterTestBase {

    WithExecutionHooksTest(String mode) {
        super(mode)
    }

    private Map report() {
        return new JsonSlurper().parse(new File(workspace, 'reports/kanister-hooks-result.json')) as Map
    }

    @Test
    void preHookThenBodyThenOnSuccessWithThePreHooksArtifacts() {
        runPipeline("""
@Library('kanister-hooks') _
node {
    def artifacts = withExecutionHooks(${COMMON}, preHook: 'test-hooks/snapshot', onSuccess: 'test-hooks/report',
            onFailure: 'test-hooks/fail') { arts ->
        echo "body got \${arts}"
    }
    echo "step returned \${artifacts}"
}
""")
        String snap = "snap-${ns}"
        assertThat(console).containsSubsequence(podLog(ns, 'preHook', 'takeSnapshot', "snapshot of ${ns}"),
                "body got [${ns}:[snap:[id:${snap}]]]", podLog(ns, 'onSuccess', 'report', "report: ${ns} saw ${snap}"),
                "step returned [${ns}:[snap:[id:${snap}]]]")
        assertThat(console).doesNotContain('failing on purpose')
        assertThat(buildResult).isEqualTo('SUCCESS')
        assertThat(published).contains([step: 'junit', testResults: 'reports/kanister-hooks-junit.xml', exists: true])
        assertThat(report().outcome).isEqualTo('success')
    }

    @Test
    void aFailedBodyRunsOnFailureThenItsOwnErrorIsRethrown() {
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(${COMMON}, preHook: 'test-hooks/snapshot', onSuccess: 'test-hooks/fail',
            onFailure: 'test-hooks/report') {
        sh 'echo backing up; exit 7'
    }
}
""")
        assertThat(t).isInstanceOf(AbortException).hasMessage('script returned exit code 7')
        assertThat(console).containsSubsequence('backing up', podLog(ns, 'onFailure', 'report', "report: ${ns} saw snap-${ns}"))
        assertThat(console).doesNotContain('failing on purpose')
        assertThat(report().namespaces[ns].onFailure.status).isEqualTo('succeeded')
    }

    @Test
    void aFailedPreHookSkipsTheBodyRunsOnFailureAndFailsTheStep() {
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(${COMMON}, preHook: 'test-hooks/fail', onFailure: 'test-hooks/note') {
        echo 'the body ran'
    }
}
""")
        assertThat(t).isInstanceOf(AbortException)
        assertThat(t.message).contains('withExecutionHooks: the preHook failed, so the stage did not run',
                "${ns}: preHook failed")
        assertThat(console).doesNotContain('the body ran').contains(podLog(ns, 'onFailure', 'note', "note: hook ran for ${ns}"))
        assertThat(buildResult).isEqualTo('FAILURE')
    }

    @Test
    void aFailedOnSuccessFailsTheStepAfterOnFailure() {
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(${COMMON}, onSuccess: 'test-hooks/fail', onFailure: 'test-hooks/note') {
        echo 'the body ran'
    }
}
""")
        assertThat(t.message).contains('withExecutionHooks: the stage succeeded, but hooks failed', "${ns}: onSuccess failed")
        assertThat(console).containsSubsequence('the body ran', podLog(ns, 'onFailure', 'note', "note: hook ran for ${ns}"))
        assertThat(report().namespaces[ns].onSuccess.attempts).isEqualTo(3)
    }

    @Test
    void aRetriedBodyDoesNotRepeatASuccessfulPreHook() {
        runPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(${COMMON}, preHook: 'test-hooks/snapshot', onSuccess: 'test-hooks/report', retries: 2) {
        sh 'n=\$(cat attempts 2>/dev/null || echo 0); echo \$((n + 1)) > attempts; echo "attempt \$((n + 1))"; [ "\$n" -ge 1 ]'
    }
}
""")
        assertThat(new File(workspace, 'attempts').text.trim()).isEqualTo('2')
        assertThat(console).contains('retry 1 of 2')
        assertThat(console.count(podLog(ns, 'preHook', 'takeSnapshot', "snapshot of ${ns}"))).isEqualTo(1)
        assertThat(console).contains(podLog(ns, 'onSuccess', 'report', "report: ${ns} saw snap-${ns}"))
        assertThat(buildResult).isEqualTo('SUCCESS')
    }

    @Test
    void everyNamespaceSelectedByLabelGetsItsOwnHooksAndArtifacts() {
        String other = namespace('-b', [team: "t-${ns}".toString()])
        String first = namespace('-a', [team: "t-${ns}".toString()])
        params.SELECTOR = "team=t-${ns}".toString()
        runPipeline("""
@Library('kanister-hooks') _
node {
    def artifacts = withExecutionHooks(blueprint: 'blueprints/test-hooks.yaml', namespaceSelector: params.SELECTOR,
            kubeconfigCredentialsId: 'kubeconfig', preHook: 'test-hooks/snapshot', onSuccess: 'test-hooks/report',
            parallelism: 1, forceRootInHooks: false, hookTimeout: '2m') {
        echo 'backing up both'
    }
    echo "artifacts: \${artifacts.keySet().sort()} \${artifacts[params.FIRST].snap.id}"
}
""".replace('params.FIRST', "'${first}'"))
        assertThat(console).contains("artifacts: ${[first, other].sort()} snap-${first}")
        [first, other].each { String n ->
            assertThat(console).contains(podLog(n, 'onSuccess', 'report', "report: ${n} saw snap-${n}"))
        }
    }

    @Test
    void optionValuesReachTheBlueprintUnchanged() {
        params.MESSAGE = 'it\'s "quoted", has $HOME, `backticks` and ; spaces'
        runPipeline("""
@Library('kanister-hooks') _
node {
    def artifacts = withExecutionHooks(${COMMON}, preHook: 'test-hooks/echo-option', options: [message: params.MESSAGE]) {
        echo 'body'
    }
    writeFile file: 'echoed.txt', text: artifacts[params.NS].echoed.message
}
""")
        assertThat(new File(workspace, 'echoed.txt').text).isEqualTo(params.MESSAGE)
    }

    @Test
    void aStatefulSetSubject() {
        TestCluster.createStatefulSet(ns, 'db')
        runPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(${COMMON}, onSuccess: 'test-hooks/subject', subject: 'statefulset/db') {
        echo 'restoring db'
    }
}
""")
        assertThat(console).contains(podLog(ns, 'onSuccess', 'subject', "subject: StatefulSet ${ns}/db"))
    }

    @Test
    void hooksFromABlueprintObjectInTheCluster() {
        String bpNamespace = namespace('-bp')
        TestCluster.createBlueprint(bpNamespace, new File(ROOT, 'plugin/tests/src/test/resources/blueprints/test-hooks.yaml').text)
        params.BP_NS = bpNamespace
        runPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(namespaces: params.NS, homeNamespace: params.NS, kubeconfigCredentialsId: 'kubeconfig',
            blueprintNamespace: params.BP_NS, preHook: 'test-hooks/snapshot', always: 'test-hooks/note') {
        echo 'body'
    }
}
""")
        assertThat(console).containsSubsequence(podLog(ns, 'preHook', 'takeSnapshot', "snapshot of ${ns}"), 'body',
                podLog(ns, 'always', 'note', "note: hook ran for ${ns}"))
    }

    @Test
    void aMissingBlueprintIsBadInputAndNothingRuns() {
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(namespaces: params.NS, kubeconfigCredentialsId: 'kubeconfig', preHook: 'no-such-blueprint/pre') {
        echo 'the body ran'
    }
}
""")
        assertThat(t.message).contains('withExecutionHooks: kanister-hooks hooks pre: failed (bad input, nothing was run)',
                'no-such-blueprint')
        assertThat(console).doesNotContain('the body ran')
    }

    @Test
    void aHookThatExceedsItsTimeoutFails() {
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(${COMMON}, preHook: 'test-hooks/wait', onFailure: 'test-hooks/note', hookTimeout: '6s') {
        echo 'the body ran'
    }
}
""")
        assertThat(t.message).contains('the preHook failed', "${ns}: preHook failed")
        assertThat(console).doesNotContain('the body ran').contains(podLog(ns, 'onFailure', 'note', "note: hook ran for ${ns}"))
    }

    @Test
    void anAbortDuringTheBodyRunsOnFailureThenAborts() {
        abortWhen('user') { new File(workspace, 'started').exists() }
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(${COMMON}, preHook: 'test-hooks/snapshot', onFailure: 'test-hooks/report') {
        sh 'touch started; sleep 300'
    }
}
""")
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat(console).contains(podLog(ns, 'onFailure', 'report', "report: ${ns} saw snap-${ns}"))
    }

    @Test
    void noHooksOnAbort() {
        abortWhen('user') { new File(workspace, 'started').exists() }
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    try {
        withExecutionHooks(${COMMON}, preHook: 'test-hooks/snapshot', onFailure: 'test-hooks/report',
                always: 'test-hooks/note', noHooksOnAbort: true) {
            sh 'touch started; sleep 300'
        }
    } finally {
        kanisterRecover(homeNamespace: params.NS, kubeconfigCredentialsId: 'kubeconfig')
    }
}
""")
        String run = runIds()[0]
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat(console).contains(podLog(ns, 'preHook', 'takeSnapshot', "snapshot of ${ns}"))
                .contains("run ${run} abandoned after the abort")
                .contains("run ${run} was abandoned after an abort (hooks on abort were off): not recovered")
                .doesNotContain("[${ns}/onFailure/").doesNotContain("[${ns}/always/")
        // abandoned, not left active: no claim stays behind, and no later recovery runs its hooks
        assertThat(TestCluster.runStatus(ns, run)).isEqualTo('abandoned')
        assertThat(TestCluster.isClaimed(ns)).isFalse()
        TestCluster.waitFor('the hook pods to be gone') { TestCluster.pods(ns).isEmpty() }
    }

    @Test
    void aTimeoutDuringThePreHookStopsItsPodAndRunsOnFailure() {
        // the timeout expires while the preHook runs, however long the machine took to get there
        timeoutsExpireWhen = { console.contains(podLog(ns, 'preHook', 'wait', "waiting in ${ns}")) }
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    timeout(time: 1, unit: 'HOURS') {
        withExecutionHooks(${COMMON}, preHook: 'test-hooks/wait', onFailure: 'test-hooks/note', archiveReport: true) {
            echo 'the body ran'
        }
    }
}
""")
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat(console).contains(podLog(ns, 'preHook', 'wait', "waiting in ${ns}"))
                .contains(podLog(ns, 'onFailure', 'note', "note: hook ran for ${ns}")).doesNotContain('the body ran')
        // the CLI deletes the pods; the API server removes them once their processes have ended
        TestCluster.waitFor('the hook pods to be gone') { TestCluster.pods(ns).isEmpty() }
        assertThat(published).contains([step: 'archiveArtifacts', artifacts: 'reports/kanister-hooks-report.html,' +
                'reports/kanister-hooks-report.css,reports/logs/**'])
        assertThat(new File(workspace, 'reports/kanister-hooks-report.css')).exists()
        assertThat(new File(workspace, 'reports/logs').list()).isNotEmpty()
    }

    /** The run ids the steps printed, in order. */
    private List<String> runIds() {
        return (console =~ /kanister-hooks: run (\S+) \(recover with/).collect { it[1] as String }
    }

    @Test
    void thePostHooksRunFromTheRunsStateInTheClusterAfterTheAgentIsGone() {
        registerStep('loseTheAgent', [], { ->
            // a pod agent replaced by a new one: the workspace (the step's files, the blueprints) is gone
            new File(workspace.path + '@tmp').deleteDir()
            workspace.deleteDir()
            workspace.mkdirs()
            null
        })
        runPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(${COMMON}, preHook: 'test-hooks/snapshot', onSuccess: 'test-hooks/report',
            always: 'test-hooks/note') {
        loseTheAgent()
        echo 'the body ended on a new agent'
    }
}
""")
        assertThat(console).containsSubsequence(podLog(ns, 'preHook', 'takeSnapshot', "snapshot of ${ns}"),
                'the body ended on a new agent', 'the files of this step are gone from the workspace',
                podLog(ns, 'onSuccess', 'report', "report: ${ns} saw snap-${ns}"),
                podLog(ns, 'always', 'note', "note: hook ran for ${ns}"))
        assertThat(new File(workspace, 'blueprints')).doesNotExist()
        assertThat(TestCluster.runStatus(ns, runIds()[0])).isEqualTo('completed')
        assertThat(TestCluster.isClaimed(ns)).isFalse()
        assertThat(buildResult).isEqualTo('SUCCESS')
    }

    @Test
    void aTimeoutAroundTheStepCutsItsHooksShortAndKanisterRecoverFinishesTheRun() {
        timeoutGracePeriodMillis = 2000
        timeoutsExpireWhen = { new File(workspace, 'started').exists() }
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
pipeline {
    agent any
    stages {
        stage('Backup') {
            steps {
                timeout(time: 1, unit: 'HOURS') {
                    withExecutionHooks(${COMMON}, preHook: 'test-hooks/snapshot', onFailure: 'test-hooks/slow',
                            always: 'test-hooks/note') {
                        sh 'touch started; sleep 300'
                    }
                }
            }
        }
    }
    post {
        always {
            kanisterRecover(homeNamespace: params.NS, kubeconfigCredentialsId: 'kubeconfig')
        }
    }
}
""")
        String run = runIds()[0]
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat(console).containsSubsequence('Cancelling nested steps due to timeout',
                'Body did not finish within grace period; terminating with extreme prejudice',
                "recovering run ${run}", podLog(ns, 'onFailure', 'slow', "slow hook done in ${ns}"),
                podLog(ns, 'always', 'note', "note: hook ran for ${ns}"), "kanisterRecover: recovered run ${run}")
        // cut short before it ended: onFailure and always ended once, in the recovery
        assertThat(console.count(podLog(ns, 'onFailure', 'slow', "slow hook done in ${ns}"))).isEqualTo(1)
        assertThat(console.count(podLog(ns, 'always', 'note', "note: hook ran for ${ns}"))).isEqualTo(1)
        assertThat(TestCluster.runStatus(ns, run)).isEqualTo('recovered')
        assertThat(TestCluster.isClaimed(ns)).isFalse()
        TestCluster.waitFor('the hook pods to be gone') { TestCluster.pods(ns).isEmpty() }
    }

    @Test
    void theTimeoutParameterBoundsTheBodyOnlyAndTheHooksRunInFull() {
        timeoutGracePeriodMillis = 1000
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(${COMMON}, preHook: 'test-hooks/snapshot', onFailure: 'test-hooks/slow',
            always: 'test-hooks/note', timeout: '3s') {
        sh 'sleep 300'
    }
}
""")
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat(console).containsSubsequence('Timeout set to expire in 3 sec',
                'Cancelling nested steps due to timeout', podLog(ns, 'onFailure', 'slow', "slow hook done in ${ns}"),
                podLog(ns, 'always', 'note', "note: hook ran for ${ns}"))
                .doesNotContain('terminating with extreme prejudice')
        assertThat(TestCluster.runStatus(ns, runIds()[0])).isEqualTo('completed')
        assertThat(TestCluster.isClaimed(ns)).isFalse()
    }

    @Test
    void twoStepCallsInOneBuildAreTwoRuns() {
        runPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(${COMMON}, preHook: 'test-hooks/snapshot', onSuccess: 'test-hooks/report') { echo 'first' }
    withExecutionHooks(${COMMON}, preHook: 'test-hooks/snapshot', onSuccess: 'test-hooks/report') { echo 'second' }
}
""")
        List<String> runs = runIds()
        assertThat(runs).hasSize(2).doesNotHaveDuplicates()
        runs.each { assertThat(it).startsWith('jenkins-kanister-hooks-test-1-') }
        assertThat(console.count(podLog(ns, 'preHook', 'takeSnapshot', "snapshot of ${ns}"))).isEqualTo(2)
        assertThat(console.count(podLog(ns, 'onSuccess', 'report', "report: ${ns} saw snap-${ns}"))).isEqualTo(2)
        runs.each { assertThat(TestCluster.runStatus(ns, it)).isEqualTo('completed') }
    }

    @Test
    void kanisterRecoverWithNothingToRecoverIsAQuietSuccess() {
        runPipeline("""
@Library('kanister-hooks') _
pipeline {
    agent any
    stages {
        stage('Backup') {
            steps {
                withExecutionHooks(${COMMON}, preHook: 'test-hooks/snapshot', onSuccess: 'test-hooks/report') {
                    echo 'backing up'
                }
            }
        }
    }
    post {
        always {
            kanisterRecover(homeNamespace: params.NS, kubeconfigCredentialsId: 'kubeconfig')
        }
    }
}
""")
        assertThat(console).contains('kanister-hooks: no run to recover').doesNotContain('kanisterRecover:')
        assertThat(buildResult).isEqualTo('SUCCESS')
    }

    @Test
    void aNamespaceClaimedByAnotherRunFailsTheStepNamingTheHolder() {
        // another build's run holds the namespace: its hooks pre ran, its hooks post has not come yet
        Map other = cli('hooks', 'pre', '--run=other-build-1', '--on-failure=test-hooks/note',
                '--blueprint=' + new File(workspace, 'blueprints/test-hooks.yaml').path, '--namespace=' + ns,
                '--home-namespace=' + ns)
        assertThat(other.exit).as(other.output as String).isEqualTo(0)
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(${COMMON}, preHook: 'test-hooks/snapshot', onFailure: 'test-hooks/note') {
        echo 'the body ran'
    }
}
""")
        assertThat(t.message).contains('withExecutionHooks: kanister-hooks hooks pre: failed (exit code 1)',
                "namespace ${ns} is claimed by run other-build-1")
        // hooks post still ran: the CLI found no state of the run (it never started), which is no error
        assertThat(console).contains('has no state: hooks pre stopped before it kept the run, so no preHook started')
                .doesNotContain('the body ran').doesNotContain("[${ns}/preHook/")
        assertThat(TestCluster.runStatus(ns, runIds()[0])).isNull()
        assertThat(TestCluster.runStatus(ns, 'other-build-1')).isEqualTo('active')
    }

    /** Runs the CLI as another build would, against the test cluster. */
    private static Map cli(String... args) {
        ProcessBuilder pb = new ProcessBuilder([CLI.path] + args.toList()).redirectErrorStream(true)
        pb.environment().put('KUBECONFIG', TestCluster.kubeconfig().path)
        Process p = pb.start()
        String output = p.inputStream.text
        p.waitFor()
        return [exit: p.exitValue(), output: output]
    }

    @Test
    void theAgentsOwnKubeconfigWithoutACredential() {
        agentEnv.KUBECONFIG = TestCluster.kubeconfig().path
        runPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(blueprint: 'blueprints/test-hooks.yaml', namespaces: params.NS, homeNamespace: params.NS,
            hooksFile: 'hooks.yaml') {
        echo 'body'
    }
}
""".replace("'hooks.yaml'", "'${hooksDocument()}'"))
        assertThat(console).containsSubsequence(podLog(ns, 'preHook', 'takeSnapshot', "snapshot of ${ns}"), 'body',
                podLog(ns, 'onSuccess', 'report', "report: ${ns} saw snap-${ns}"))
    }

    /** A K10 hooks: document in the workspace. */
    private String hooksDocument() {
        new File(workspace, 'hooks.yaml').text = '''hooks:
  preHook: {blueprint: test-hooks, actionName: snapshot}
  onSuccess: {blueprint: test-hooks, actionName: report}
  onFailure: {blueprint: test-hooks, actionName: note}
'''
        return 'hooks.yaml'
    }
}
