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

    /** The value of option {@code name} in a CLI call, or null. */
    private static String option(List<String> args, String name) {
        String found = args.find { it.startsWith("--${name}=") }
        return found?.substring(name.length() + 3)
    }

    /** The run ids the library derives: BUILD_TAG, the step call's number in the build, five random characters. */
    private static final String RUN_ID = 'jenkins-kanister-hooks-test-1-%d-[a-z0-9]{5}'

    @Test
    void slotsNamespacesAndTheRunInTheCluster() {
        List<String> pre = preCall("preHook: 'bp/pre', onSuccess: 'bp/ok', onFailure: 'bp/bad', always: 'bp/end', " +
                "namespaces: ['ns1', 'ns2'], blueprint: 'bp.yaml', homeNamespace: 'home'")
        List<String> post = cliCall(1)
        String run = option(pre, 'run')
        assertThat(pre.subList(0, 3)).containsExactly('hooks', 'pre', '--run=' + run)
        assertThat(run).matches(String.format(RUN_ID, 1))
        assertThat(pre).contains('--pre-hook=bp/pre', '--on-success=bp/ok', '--on-failure=bp/bad', '--always=bp/end',
                '--namespace=ns1', '--namespace=ns2', '--blueprint=bp.yaml', '--home-namespace=home')
        // hooks post needs nothing from the workspace: the run's state in the cluster holds the hooks, blueprints and
        // namespaces
        assertThat(post.subList(0, 4)).containsExactly('hooks', 'post', '--run=' + run, '--outcome=success')
        assertThat(post).contains('--home-namespace=home')
        String hooksOrFiles = /--(pre-hook|on-success|on-failure|always|namespace|blueprint|hooks-file)=.*/
        assertThat(post.findAll { it ==~ hooksOrFiles }).isEmpty()
        (pre + post).each { assertThat(it).doesNotStartWith('--state') }
        assertThat(console).contains("kanister-hooks: run ${run} (recover with: kanister-hooks runs recover ${run} " +
                '--home-namespace=home)', 'body ran', 'returned [ns1:[snap:[id:x]]]')
        assertThat(callEnv(0)).contains('BUILD_TAG=jenkins-kanister-hooks-test-1\n')
        assertThat(callEnv(1)).contains('BUILD_TAG=jenkins-kanister-hooks-test-1\n')
    }

    @Test
    void eachStepCallIsARunOfItsOwnAndARetryContinuesIt() {
        runPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(preHook: 'bp/pre', namespaces: 'ns1') { echo 'first' }
    withExecutionHooks(preHook: 'bp/pre', namespaces: 'ns1', retries: 1, lockWait: '2m') {
        sh '${countAttempt()}; [ "\$n" -ge 1 ]'
    }
}
""")
        assertThat(callCount()).isEqualTo(5)
        String first = option(cliCall(0), 'run')
        String second = option(cliCall(2), 'run')
        assertThat(first).matches(String.format(RUN_ID, 1))
        assertThat(second).matches(String.format(RUN_ID, 2))
        assertThat(option(cliCall(1), 'run')).isEqualTo(first)
        // the retry's hooks pre continues the run: only where its state is, and this invocation's own settings
        assertThat(cliCall(3)).containsExactly('hooks', 'pre', '--run=' + second, '--lock-wait=2m',
                '--report-dir=' + option(cliCall(2), 'report-dir'))
        assertThat(cliCall(4)).containsSequence('hooks', 'post', '--run=' + second, '--outcome=success',
                '--lock-wait=2m')
    }

    @Test
    void aLongBuildTagKeepsItsStartAndTheUniquePartAtTheEnd() {
        env.BUILD_TAG = 'jenkins-Team Folder/Nightly_Backup%2Fmain-' + 'x' * 60 + '-1234'
        List<String> pre = preCall("preHook: 'bp/pre', namespaces: 'ns1'")
        String run = option(pre, 'run')
        assertThat(run.length()).isLessThanOrEqualTo(63)
        assertThat(run).matches('jenkins-team-folder-nightly-backup-2fmain-x+-1-[a-z0-9]{5}')
        assertThat(callEnv(0)).contains('BUILD_TAG=' + env.BUILD_TAG + '\n')
    }

    @Test
    void hooksPostRunsWhenHooksPreCrashedWithoutAResult() {
        agentEnv.FAKE_CLI_PRE = 'crash'
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(preHook: 'bp/pre', onFailure: 'bp/bad', namespaces: 'ns1') { echo 'body ran' }
}
""")
        assertThat(callCount()).isEqualTo(2)
        assertThat(cliCall(1)).containsSequence('hooks', 'post', '--run=' + option(cliCall(0), 'run'),
                '--outcome=failure')
        assertThat(t.message).contains('withExecutionHooks: kanister-hooks hooks pre: failed (exit code 1)',
                'internal error: IllegalStateException: on purpose').doesNotContain('there is no run to finish')
        assertThat(console).contains('has no state: hooks pre stopped before it kept the run, so no preHook started')
                .doesNotContain('body ran')
    }

    @Test
    void badInputOfHooksPreRunsNothingElse() {
        agentEnv.FAKE_CLI_PRE = 'bad'
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    withExecutionHooks(preHook: 'bp/pre', onFailure: 'bp/bad', namespaces: 'ns1') { echo 'body ran' }
}
""")
        assertThat(callCount()).isEqualTo(1)
        assertThat(t.message).contains('hooks pre: failed (bad input, nothing was run)')
    }

    @Test
    void theTimeoutBoundsTheBodyAndSetsTheClaimTtl() {
        List<String> pre = preCall("preHook: 'bp/pre', namespaces: 'ns1', timeout: '90s'")
        assertThat(pre).contains('--claim-ttl=690s')
        pre.each { assertThat(it).doesNotStartWith('--timeout') }
        assertThat(console).containsSubsequence('[Pipeline] sh (kanister-hooks hooks pre)',
                'Timeout set to expire in 1 min 30 sec', 'body ran', '[Pipeline] sh (kanister-hooks hooks post)')
    }

    @Test
    void onErrorIsPassedAndAContinuedHookFailureMakesTheBuildUnstable() {
        agentEnv.FAKE_CLI_POST_RESULT = '{"runId":"kh-fake","outcome":"success","aborted":false,' +
                '"failedNamespaces":[],"namespaces":{"ns1":{"preHook":{"status":"succeeded","attempts":1,' +
                '"error":null,"artifacts":{}},"onSuccess":{"status":"continued","attempts":3,' +
                '"error":"Pod failed: webhook unreachable","artifacts":{}}}}}'
        List<String> pre = preCall("preHook: 'bp/pre', onSuccess: 'bp/notify', namespaces: 'ns1', onError: 'Continue'")

        assertThat(pre).contains('--on-error=Continue')
        assertThat(build.result).isEqualTo('UNSTABLE')
        assertThat(console).contains('WARNING: withExecutionHooks: hooks failed with onError: Continue, and the run ' +
                'went on:\n  ns1: onSuccess failed (onError: Continue): Pod failed: webhook unreachable')
    }

    @Test
    void anExplicitClaimTtlWins() {
        List<String> pre = preCall("preHook: 'bp/pre', namespaces: 'ns1', timeout: '1h30m', claimTtl: '3h'")
        assertThat(pre).contains('--claim-ttl=3h')
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
    void hookTimeoutParallelismRootHomeClaimsAndLocks() {
        List<String> pre = preCall("preHook: 'bp/pre', namespaces: 'ns1', hookTimeout: '90s', parallelism: 2, " +
                "forceRootInHooks: false, homeNamespace: 'hook-pods', claimTtl: '2h', lockWait: '5m'")
        assertThat(pre).contains('--timeout=90s', '--parallelism=2', '--force-root-in-hooks=false',
                '--home-namespace=hook-pods', '--claim-ttl=2h', '--lock-wait=5m')
        assertThat(console).doesNotContain('Timeout set to expire')
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
        assertThat(option(pre, 'report-dir')).matches('\\.kanister-hooks/[-0-9a-f]{36}/reports')
        assertThat(option(cliCall(1), 'report-dir')).isEqualTo(option(pre, 'report-dir'))
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
        assertThat(callEnv(0)).matches('(?s)KUBECONFIG=.+@tmp/secretFiles/.+/kubeconfig\\nBUILD_TAG=.*')
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
    void kanisterHookSlotsAreEachARunOfTheirOwn() {
        runPipeline("""
@Library('kanister-hooks') _
node {
    kanisterHook(slot: 'preHook', hook: 'bp/pre', namespaces: 'ns1')
    kanisterHook(slot: 'onSuccess', hook: 'bp/ok', namespaces: 'ns1', timeout: '5m')
    kanisterHook(slot: 'onFailure', hook: 'bp/bad', namespaceSelector: 'app=db', subject: 'pvc/data', hookTimeout: '1m')
    currentBuild.result = 'UNSTABLE'
    kanisterHook(slot: 'always', hook: 'bp/end', namespaces: 'ns1', options: [a: 'b'])
}
""")
        assertThat(callCount()).isEqualTo(8)
        List<String> runs = (0..3).collect { option(cliCall(2 * it), 'run') }
        runs.eachWithIndex { String run, int i -> assertThat(run).matches(String.format(RUN_ID, i + 1)) }
        assertThat(cliCall(0)).containsSequence('hooks', 'pre', '--run=' + runs[0], '--pre-hook=bp/pre')
        assertThat(cliCall(1)).containsSequence('hooks', 'post', '--run=' + runs[0], '--outcome=success')
        assertThat(cliCall(2)).containsSequence('hooks', 'pre', '--run=' + runs[1], '--on-success=bp/ok')
        assertThat(cliCall(2)).contains('--timeout=5m')
        assertThat(cliCall(3)).containsSequence('hooks', 'post', '--run=' + runs[1], '--outcome=success')
        assertThat(cliCall(4)).containsSequence('hooks', 'pre', '--run=' + runs[2], '--on-failure=bp/bad')
        assertThat(cliCall(4)).contains('--namespace-selector=app=db', '--subject=pvc/data', '--timeout=1m')
        assertThat(cliCall(5)).containsSequence('hooks', 'post', '--run=' + runs[2], '--outcome=failure')
        assertThat(cliCall(6)).containsSequence('hooks', 'pre', '--run=' + runs[3], '--always=bp/end')
        assertThat(cliCall(6)).contains('--option=a=b')
        assertThat(cliCall(7)).containsSequence('hooks', 'post', '--run=' + runs[3], '--outcome=failure')
    }

    @Test
    void kanisterRecoverFindsTheBuildsRuns() {
        runPipeline("""
@Library('kanister-hooks') _
node {
    def recovered = kanisterRecover(homeNamespace: 'home', reportDir: 'recovery', kubeContext: 'c1')
    echo "recovered: \${recovered}"
}
""")
        assertThat(cliCall(0)).containsExactly('runs', 'recover', '--build-tag=jenkins-kanister-hooks-test-1',
                '--home-namespace=home', '--report-dir=recovery', '--context=c1')
        assertThat(console).contains('recovered: []').doesNotContain('kanisterRecover:')
    }

    @Test
    void kanisterRecoverSaysWhatItRecovered() {
        agentEnv.FAKE_CLI_RECOVERED = '[{"runId":"r1","recovered":true,"hooksSucceeded":true,"note":"x"},' +
                '{"runId":"r2","recovered":true,"hooksSucceeded":false,"note":"y"}]'
        agentEnv.FAKE_CLI_EXIT = '1'
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    kanisterRecover()
}
""")
        assertThat(console).contains('kanisterRecover: recovered run r1, run r2 (a hook failed)')
        assertThat(t.message).contains('kanisterRecover: a hook failed while recovering run r1, run r2 (a hook failed)')
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
