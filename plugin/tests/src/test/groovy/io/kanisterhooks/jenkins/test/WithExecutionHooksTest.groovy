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
            parallelism: 1, forceRootInHooks: false, timeout: '2m') {
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
    withExecutionHooks(${COMMON}, preHook: 'test-hooks/wait', onFailure: 'test-hooks/note', timeout: '6s') {
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
    withExecutionHooks(${COMMON}, preHook: 'test-hooks/snapshot', onFailure: 'test-hooks/report', noHooksOnAbort: true) {
        sh 'touch started; sleep 300'
    }
}
""")
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat(console).doesNotContain("[${ns}/onFailure/")
    }

    @Test
    void aTimeoutDuringThePreHookStopsItsPodAndRunsOnFailure() {
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    timeout(time: 20, unit: 'SECONDS') {
        withExecutionHooks(${COMMON}, preHook: 'test-hooks/wait', onFailure: 'test-hooks/note', archiveReport: true) {
            echo 'the body ran'
        }
    }
}
""")
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat(console).contains(podLog(ns, 'preHook', 'wait', "waiting in ${ns}"))
                .contains(podLog(ns, 'onFailure', 'note', "note: hook ran for ${ns}")).doesNotContain('the body ran')
        assertThat(TestCluster.pods(ns).findAll { it.metadata.name.contains('wait') || it.status.phase == 'Running' })
                .isEmpty()
        assertThat(published).contains([step: 'archiveArtifacts', artifacts: 'reports/kanister-hooks-report.html'])
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
