package io.kanisterhooks.jenkins.test

import hudson.AbortException
import org.junit.Test
import org.junit.runner.RunWith
import org.junit.runners.Parameterized

import static org.assertj.core.api.Assertions.assertThat

/**
 * Every parameter is checked before anything runs: a wrong one fails the build with error(), names the parameter,
 * and no sh step runs.
 */
@RunWith(Parameterized)
class StepParametersTest extends PipelineTestBase {

    StepParametersTest(String mode) {
        super(mode)
    }

    private void assertRejected(String call, String... messageParts) {
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    ${call}
}
""")
        assertThat(t).isInstanceOf(AbortException)
        for (String part : messageParts) {
            assertThat(t.message).contains(part)
        }
        assertThat(helper.callStack.findAll { it.methodName == 'sh' }).as('sh calls').isEmpty()
        assertThat(buildResult).isEqualTo('FAILURE')
    }

    @Test
    void unknownParameterIsNamedWithTheKnownOnes() {
        assertRejected("withExecutionHooks(onFailrue: 'bp/a', namespaces: 'ns') { echo 'x' }",
                'withExecutionHooks: unknown parameter onFailrue', 'onFailure')
    }

    @Test
    void noHooksAtAll() {
        assertRejected("withExecutionHooks(namespaces: 'ns') { echo 'x' }", 'no hooks given')
    }

    @Test
    void namespacesOrSelectorIsRequired() {
        assertRejected("withExecutionHooks(preHook: 'bp/a') { echo 'x' }", 'namespaces', 'namespaceSelector')
    }

    @Test
    void namespacesAndSelectorTogether() {
        assertRejected("withExecutionHooks(preHook: 'bp/a', namespaces: 'a', namespaceSelector: 'x=y') { echo 'x' }",
                'not both')
    }

    @Test
    void invalidNamespaceName() {
        assertRejected("withExecutionHooks(preHook: 'bp/a', namespaces: ['good', 'Bad_Name']) { echo 'x' }",
                "namespaces: 'Bad_Name' is not a valid namespace name")
    }

    @Test
    void namespaceThatLooksLikeAnOption() {
        assertRejected("withExecutionHooks(preHook: 'bp/a', namespaces: '--kubeconfig=/tmp/x') { echo 'x' }",
                'is not a valid namespace name')
    }

    @Test
    void hookReferenceNeedsBlueprintAndAction() {
        assertRejected("withExecutionHooks(preHook: 'just-an-action', namespaces: 'ns') { echo 'x' }",
                'preHook: expected BLUEPRINT/ACTION')
    }

    @Test
    void hookReferenceWithShellCharacters() {
        assertRejected("withExecutionHooks(onSuccess: 'bp/a;rm -rf x', namespaces: 'ns') { echo 'x' }",
                'onSuccess (action)', 'not a valid blueprint action name')
    }

    @Test
    void hooksFileAndK10ObjectTogether() {
        assertRejected("withExecutionHooks(hooksFile: 'a.yaml', k10Object: 'b.yaml', namespaces: 'ns') { echo 'x' }",
                'give hooksFile or k10Object, not both')
    }

    @Test
    void k10ObjectWithUnknownAction() {
        assertRejected("withExecutionHooks(k10Object: 'policy.yaml#snapshot', namespaces: 'ns') { echo 'x' }",
                'k10Object', '#backup, #export, #restore')
    }

    @Test
    void subjectOfAnUnknownKind() {
        assertRejected("withExecutionHooks(preHook: 'bp/a', namespaces: 'ns', subject: 'daemonset/x') { echo 'x' }",
                'subject: expected', 'statefulset, deployment, deploymentconfig, pvc')
    }

    @Test
    void optionKeyWithSpaces() {
        assertRejected("withExecutionHooks(preHook: 'bp/a', namespaces: 'ns', options: ['a b': 'c']) { echo 'x' }",
                "options: 'a b' is not a valid option name")
    }

    @Test
    void optionValueThatIsNotAString() {
        assertRejected("withExecutionHooks(preHook: 'bp/a', namespaces: 'ns', options: [a: [1, 2]]) { echo 'x' }",
                'options.a: expected a string')
    }

    @Test
    void timeoutMustBeAGoDuration() {
        assertRejected("withExecutionHooks(preHook: 'bp/a', namespaces: 'ns', timeout: '5 minutes') { echo 'x' }",
                "timeout: '5 minutes' is not a duration")
    }

    @Test
    void timeoutMustBeMoreThanZero() {
        assertRejected("withExecutionHooks(preHook: 'bp/a', namespaces: 'ns', timeout: '0s') { echo 'x' }",
                "timeout: must be more than 0, got '0s'")
    }

    @Test
    void hookTimeoutClaimTtlAndLockWaitMustBeGoDurations() {
        ['hookTimeout', 'claimTtl', 'lockWait'].each { String name ->
            assertRejected("withExecutionHooks(preHook: 'bp/a', namespaces: 'ns', ${name}: '10 min') { echo 'x' }",
                    "${name}: '10 min' is not a duration like 90s, 20m or 1h30m")
        }
    }

    @Test
    void onErrorIsFailOrContinue() {
        assertRejected("withExecutionHooks(preHook: 'bp/a', namespaces: 'ns', onError: 'ignore') { echo 'x' }",
                "onError: 'ignore' is neither Fail nor Continue")
    }

    @Test
    void kanisterHookTakesTimeoutOrHookTimeoutNotBoth() {
        assertRejected("kanisterHook(slot: 'onFailure', hook: 'bp/a', namespaces: 'ns', timeout: '1m', " +
                "hookTimeout: '2m')", 'kanisterHook: give timeout or hookTimeout, not both')
    }

    @Test
    void kanisterHookChecksItsTimeoutUnderItsOwnName() {
        assertRejected("kanisterHook(slot: 'onFailure', hook: 'bp/a', namespaces: 'ns', timeout: 'soon')",
                "kanisterHook: timeout: 'soon' is not a duration")
    }

    @Test
    void kanisterRecoverParameters() {
        assertRejected("kanisterRecover(force: true)", 'kanisterRecover: unknown parameter force')
        assertRejected("kanisterRecover(homeNamespace: 'Home')", "kanisterRecover: homeNamespace: 'Home'")
    }

    @Test
    void retriesMustNotBeNegative() {
        assertRejected("withExecutionHooks(preHook: 'bp/a', namespaces: 'ns', retries: -1) { echo 'x' }",
                'retries: must be at least 0')
    }

    @Test
    void parallelismMustBePositive() {
        assertRejected("withExecutionHooks(preHook: 'bp/a', namespaces: 'ns', parallelism: 0) { echo 'x' }",
                'parallelism: must be at least 1')
    }

    @Test
    void forceRootInHooksMustBeABoolean() {
        assertRejected("withExecutionHooks(preHook: 'bp/a', namespaces: 'ns', forceRootInHooks: 'yes') { echo 'x' }",
                'forceRootInHooks: expected true or false')
    }

    @Test
    void blueprintNamespaceMustBeANamespace() {
        assertRejected("withExecutionHooks(preHook: 'bp/a', namespaces: 'ns', blueprintNamespace: 'K10') { echo 'x' }",
                "blueprintNamespace: 'K10'")
    }

    @Test
    void homeNamespaceMustBeANamespace() {
        assertRejected("withExecutionHooks(preHook: 'bp/a', namespaces: 'ns', homeNamespace: 'a/b') { echo 'x' }",
                "homeNamespace: 'a/b'")
    }

    @Test
    void mavenRepositoryMustBeAUrl() {
        assertRejected("withExecutionHooks(preHook: 'bp/a', namespaces: 'ns', mavenRepository: 'repo') { echo 'x' }",
                'mavenRepository: expected an http(s):// or file:// URL')
    }

    @Test
    void blueprintListMustHoldStrings() {
        assertRejected("withExecutionHooks(preHook: 'bp/a', namespaces: 'ns', blueprint: ['a.yaml', 3]) { echo 'x' }",
                'blueprint: expected a non-empty string')
    }

    @Test
    void kanisterHookNeedsASlot() {
        assertRejected("kanisterHook(hook: 'bp/a', namespaces: 'ns')", 'kanisterHook: slot: required')
    }

    @Test
    void kanisterHookSlotMustBeKnown() {
        assertRejected("kanisterHook(slot: 'onfailure', hook: 'bp/a', namespaces: 'ns')",
                'slot: expected one of preHook, onSuccess, onFailure, always')
    }

    @Test
    void kanisterHookNeedsAHook() {
        assertRejected("kanisterHook(slot: 'onFailure', namespaces: 'ns')", 'kanisterHook: hook: required')
    }

    @Test
    void kanisterActionNeedsItsParameters() {
        assertRejected("kanisterAction(blueprint: 'bp.yaml', namespace: 'ns')", 'kanisterAction: action: required')
    }

    @Test
    void kanisterActionSubjectAndSubjects() {
        assertRejected("kanisterAction(blueprint: 'bp.yaml', action: 'a', namespace: 'ns', subject: 'namespace', " +
                "subjects: ['pvc/x'])", 'give subject (one) or subjects (a list), not both')
    }

    @Test
    void kanisterActionArtifactKeys() {
        assertRejected("kanisterAction(blueprint: 'bp.yaml', action: 'a', namespace: 'ns', " +
                "artifacts: [snap: ['id.x': 'v']])", "artifacts.snap: 'id.x' is not a valid artifact name or key")
    }

    @Test
    void kanisterActionArtifactsAreMapsOfMaps() {
        assertRejected("kanisterAction(blueprint: 'bp.yaml', action: 'a', namespace: 'ns', artifacts: [snap: 'x'])",
                'artifacts.snap: expected a map')
    }

    @Test
    void kanisterValidateNeedsPaths() {
        assertRejected("kanisterValidate(hooks: true)", 'kanisterValidate: paths: required')
    }

    @Test
    void kanisterValidateTakesNoClusterParameters() {
        assertRejected("kanisterValidate(paths: 'a.yaml', kubeconfigCredentialsId: 'k')",
                'kanisterValidate: unknown parameter kubeconfigCredentialsId')
    }
}
