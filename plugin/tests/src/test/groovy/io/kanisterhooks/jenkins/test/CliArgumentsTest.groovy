package io.kanisterhooks.jenkins.test

import org.junit.Test
import org.junit.runner.RunWith
import org.junit.runners.Parameterized

import static org.assertj.core.api.Assertions.assertThat

/** Every step parameter reaches the CLI as the option it means, byte for byte, without a shell in between. */
@RunWith(Parameterized)
class CliArgumentsTest extends FakeCliTestBase {

    CliArgumentsTest(String mode) {
        super(mode)
    }

    /** withExecutionHooks(...) { echo 'body' } with these parameters; returns the CLI call of hooks pre. */
    private List<String> preCall(String parameters) {
        runPipeline("""
@Library('kanister-hooks') _
node {
    def result = withExecutionHooks(${parameters}) { echo 'body ran' }
    echo "returned \${result}"
}
""")
        assertThat(callCount()).isEqualTo(2)
        return cliCall(0)
    }

    private String stateOf(List<String> args) {
        return args.find { it.startsWith('--state=') }
    }

    @Test
    void slotsNamespacesAndTheRunStateFile() {
        List<String> pre = preCall("preHook: 'bp/pre', onSuccess: 'bp/ok', onFailure: 'bp/bad', always: 'bp/end', " +
                "namespaces: ['ns1', 'ns2']")
        List<String> post = cliCall(1)
        assertThat(pre.subList(0, 2)).containsExactly('hooks', 'pre')
        assertThat(pre).contains('--pre-hook=bp/pre', '--on-success=bp/ok', '--on-failure=bp/bad', '--always=bp/end',
                '--namespace=ns1', '--namespace=ns2')
        assertThat(post.subList(0, 3)).containsExactly('hooks', 'post', '--outcome=success')
        assertThat(stateOf(pre)).matches('--state=\\.kanister-hooks/[-0-9a-f]{36}/state\\.json')
        assertThat(stateOf(post)).isEqualTo(stateOf(pre))
        assertThat(console).contains('body ran', 'returned [ns1:[snap:[id:x]]]')
    }

    @Test
    void eachStepCallHasItsOwnRunState() {
        runPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(preHook: 'bp/pre', namespaces: 'ns1') { echo 'first' }
    withExecutionHooks(preHook: 'bp/pre', namespaces: 'ns1') { echo 'second' }
}
""")
        assertThat(stateOf(cliCall(0))).isNotEqualTo(stateOf(cliCall(2)))
    }

    @Test
    void blueprintsAndWhereTheyLive() {
        List<String> pre = preCall("preHook: 'bp/pre', namespaces: 'ns1', blueprint: ['a.yaml', 'dir with space/'], " +
                "blueprintNamespace: 'hooks-ns'")
        assertThat(pre).contains('--blueprint=a.yaml', '--blueprint=dir with space/', '--blueprint-namespace=hooks-ns')
    }

    @Test
    void namespaceSelector() {
        assertThat(preCall("preHook: 'bp/pre', namespaceSelector: 'backup in (nightly,weekly),!skip'"))
                .contains('--namespace-selector=backup in (nightly,weekly),!skip')
    }

    @Test
    void subject() {
        assertThat(preCall("onSuccess: 'bp/ok', namespaces: 'ns1', subject: 'StatefulSet/db-0'"))
                .contains('--subject=statefulset/db-0')
    }

    @Test
    void optionValuesArriveExactly() {
        String tricky = 'it\'s "quoted" $HOME `id` ; rm -rf x \\ \n second line'
        params.TRICKY = tricky
        List<String> pre = preCall("preHook: 'bp/pre', namespaces: 'ns1', options: [message: params.TRICKY, n: 3]")
        assertThat(pre).contains('--option=message=' + tricky, '--option=n=3')
    }

    @Test
    void timeoutParallelismRootAndHome() {
        List<String> pre = preCall("preHook: 'bp/pre', namespaces: 'ns1', timeout: '90s', parallelism: 2, " +
                "forceRootInHooks: false, homeNamespace: 'hook-pods'")
        assertThat(pre).contains('--timeout=90s', '--parallelism=2', '--force-root-in-hooks=false',
                '--home-namespace=hook-pods')
    }

    @Test
    void hooksFile() {
        assertThat(preCall("hooksFile: 'hooks.yaml', namespaces: 'ns1'")).contains('--hooks-file=hooks.yaml')
    }

    @Test
    void k10Object() {
        assertThat(preCall("k10Object: 'k10/policy.yaml#backup', namespaces: 'ns1'"))
                .contains('--hooks-file=k10/policy.yaml#backup')
    }

    @Test
    void reportDirAndNoHooksOnAbort() {
        List<String> pre = preCall("preHook: 'bp/pre', namespaces: 'ns1', reportDir: 'reports/hooks', noHooksOnAbort: true")
        assertThat(pre).contains('--report-dir=reports/hooks', '--no-hooks-on-abort')
    }

    @Test
    void defaultReportDirIsTheStepCallsOwn() {
        List<String> pre = preCall("preHook: 'bp/pre', namespaces: 'ns1'")
        String state = stateOf(pre).substring('--state='.length())
        assertThat(pre).contains('--report-dir=' + state.replace('state.json', 'reports'))
    }

    @Test
    void kubeconfigCredentialIsBoundOnlyAroundTheCli() {
        File kubeconfig = temporary.newFile('kubeconfig')
        kubeconfig.text = 'apiVersion: v1\nkind: Config\n# secret-marker-4711\n'
        credentials['cluster-a'] = kubeconfig
        runPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(preHook: 'bp/pre', namespaces: 'ns1', kubeconfigCredentialsId: 'cluster-a', kubeContext: 'prod') {
        sh 'echo "body sees KUBECONFIG=[\${KUBECONFIG:-}]"'
    }
}
""")
        assertThat(cliCall(0)).contains('--context=prod')
        assertThat(callEnv(0)).matches('(?s)KUBECONFIG=.+@tmp/secretFiles/.+/kubeconfig\\n')
        assertThat(new File(calls, 'call-0.kubeconfig').text).isEqualTo(kubeconfig.text)
        assertThat(console).contains('body sees KUBECONFIG=[]').doesNotContain('secret-marker-4711')
        assertThat(new File(workspace.path + '@tmp/secretFiles').list()).isEmpty()
    }

    @Test
    void missingCredentialFailsBeforeAnyHook() {
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(preHook: 'bp/pre', namespaces: 'ns1', kubeconfigCredentialsId: 'nope') { echo 'body ran' }
}
""")
        assertThat(t.message).contains("Could not find credentials entry with ID 'nope'")
        assertThat(callCount()).isZero()
        assertThat(console).doesNotContain('body ran')
    }

    @Test
    void kanisterHookSlots() {
        runPipeline("""
@Library('kanister-hooks') _
node {
    kanisterHook(slot: 'preHook', hook: 'bp/pre', namespaces: 'ns1')
    kanisterHook(slot: 'onSuccess', hook: 'bp/ok', namespaces: 'ns1', timeout: '5m')
    kanisterHook(slot: 'onFailure', hook: 'bp/bad', namespaceSelector: 'app=db', subject: 'pvc/data')
    currentBuild.result = 'UNSTABLE'
    kanisterHook(slot: 'always', hook: 'bp/end', namespaces: 'ns1', options: [a: 'b'])
}
""")
        assertThat(cliCall(0)).containsSequence('hooks', 'pre', '--pre-hook=bp/pre')
        assertThat(cliCall(1)).containsSequence('hooks', 'post', '--outcome=success', '--on-success=bp/ok')
        assertThat(cliCall(1)).contains('--timeout=5m')
        assertThat(cliCall(2)).containsSequence('hooks', 'post', '--outcome=failure', '--on-failure=bp/bad')
        assertThat(cliCall(2)).contains('--namespace-selector=app=db', '--subject=pvc/data')
        assertThat(cliCall(3)).containsSequence('hooks', 'post', '--outcome=failure', '--always=bp/end')
        assertThat(cliCall(3)).contains('--option=a=b')
        assertThat([0, 1, 2, 3].collect { stateOf(cliCall(it)) }.toSet()).hasSize(4)
    }

    @Test
    void kanisterActionArguments() {
        runPipeline("""
@Library('kanister-hooks') _
node {
    def out = kanisterAction(blueprint: 'bp.yaml', action: 'backup', namespace: 'ns1', subject: 'deployment/web',
            options: [reason: 'nightly run'], artifacts: [snap: [id: 'x y', at: 'now']], homeNamespace: 'pods',
            blueprintNamespace: 'bps', kubeContext: 'c1')
    echo "artifacts \${out}"
}
""")
        assertThat(cliCall(0)).containsExactly('run-action', '--blueprint=bp.yaml', '--action=backup', '--namespace=ns1',
                '--blueprint-namespace=bps', '--home-namespace=pods', '--subject=deployment/web',
                '--option=reason=nightly run', '--artifact=snap.id=x y', '--artifact=snap.at=now', '--output=json',
                '--context=c1')
        assertThat(console).contains('artifacts [out:[k:v]]')
    }

    @Test
    void kanisterActionWithSeveralSubjectsReturnsArtifactsPerSubject() {
        runPipeline("""
@Library('kanister-hooks') _
node {
    def out = kanisterAction(blueprint: 'bp', action: 'backup', namespace: 'ns1', subjects: ['pvc/data'])
    echo "artifacts \${out}"
}
""")
        assertThat(cliCall(0)).contains('--subject=pvc/data')
        assertThat(console).contains('artifacts [pvc/data:[out:[k:v]]]')
    }

    @Test
    void kanisterValidateArguments() {
        runPipeline("""
@Library('kanister-hooks') _
node {
    kanisterValidate(paths: ['blueprints/', '@odd.yaml', '-dash.yaml'], hooks: true)
    kanisterValidate(paths: 'one.yaml')
}
""")
        assertThat(cliCall(0)).containsExactly('validate', '--hooks', '--', 'blueprints/', './@odd.yaml', '-dash.yaml')
        assertThat(cliCall(1)).containsExactly('validate', '--', 'one.yaml')
    }
}
