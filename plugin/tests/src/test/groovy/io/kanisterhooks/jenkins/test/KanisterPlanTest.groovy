package io.kanisterhooks.jenkins.test

import hudson.AbortException
import org.junit.Test
import org.junit.runner.RunWith
import org.junit.runners.Parameterized

import static org.assertj.core.api.Assertions.assertThat

/** kanisterPlan with the real CLI on the local cluster: a test case per namespace and hook, read-only. */
@RunWith(Parameterized)
class KanisterPlanTest extends ClusterTestBase {

    KanisterPlanTest(String mode) {
        super(mode)
    }

    private static final String PLAN = "blueprint: 'blueprints/test-hooks.yaml', homeNamespace: params.NS, " +
            "kubeconfigCredentialsId: 'kubeconfig'"

    @Test
    void aNamespaceWithoutTheSubjectFailsItsCasesAndTheBuildIsUnstable() {
        TestCluster.createStatefulSet(ns, 'db')
        String bare = namespace('-bare')
        params.BARE = bare
        runPipeline("""
@Library('kanister-hooks') _
node {
    def plan = kanisterPlan(${PLAN}, namespaces: [params.NS, params.BARE], subject: 'statefulset/db',
            preHook: 'test-hooks/subject', always: 'test-hooks/subject')
    def shown = []
    for (int i = 0; i < plan.size(); i++) {
        shown << (plan[i].namespace + ' ' + plan[i].hook + (plan[i].error ? ' failing' : ''))
    }
    echo "entries: \${shown}"
}
""")
        assertThat(buildResult).isEqualTo('UNSTABLE')
        assertThat(console).contains("entries: [${ns} preHook, ${ns} always, ${bare} preHook failing, " +
                "${bare} always failing]")
        assertThat(console).contains('kanisterPlan: 2 of 4 hooks would fail:',
                "${bare}: preHook test-hooks/subject: could not fetch object name: db")
        assertThat(published).contains([step: 'junit', testResults: 'kanister-plan/kanister-plan-junit.xml',
                exists: true])
        String junit = new File(workspace, 'kanister-plan/kanister-plan-junit.xml').text
        assertThat(junit).contains('tests="4" failures="2"',
                "<testcase classname=\"${ns}\" name=\"preHook test-hooks/subject\" time=\"0.000\"/>",
                "<testcase classname=\"${bare}\" name=\"preHook test-hooks/subject\" time=\"0.000\">")
        assertThat(new File(workspace, 'kanister-plan/kanister-plan.txt').text)
                .startsWith("preHook\n  ${ns}: test-hooks/subject, subject statefulset/db\n")
        assertThat(new File(workspace, 'kanister-plan/kanister-plan.json').text).startsWith('[').contains(
                "\"namespace\": \"${bare}\"")
        assertThat(console.count('[Pipeline] sh (kanister-hooks plan)')).as('plan is started once').isEqualTo(1)
        // only the StatefulSet's own pod (once its controller made it) runs there
        List<String> pods = TestCluster.pods(ns).collect { it.metadata.name as String }
        assertThat(pods.every { it.startsWith('db-') }).as("a plan runs no hook: ${pods}").isTrue()
    }

    @Test
    void badInputFailsTheBuildWithTheClisLine() {
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    kanisterPlan(${PLAN}, namespaces: [params.NS], preHook: 'test-hooks/snapshto')
}
""")
        assertThat(t).isInstanceOf(AbortException)
        assertThat(t.message).contains('kanisterPlan: kanister-hooks plan: refused (bad input, nothing was run)',
                'action "snapshto" not found in blueprint test-hooks', 'did you mean "snapshot"?')
        assertThat(published.findAll { it.step == 'junit' }).isEmpty()
        assertThat(buildResult).isEqualTo('FAILURE')
    }

    @Test
    void theOptionsOfARunAreNotParametersOfAPlan() {
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    kanisterPlan(${PLAN}, namespaces: [params.NS], preHook: 'test-hooks/snapshot', hookTimeout: '5m')
}
""")
        assertThat(t.message).startsWith('kanisterPlan: unknown parameter hookTimeout; the parameters of ' +
                'kanisterPlan are: always, blueprint, blueprintNamespace, cli, forceRootInHooks, homeNamespace, ' +
                'hooksFile, k10Object, kubeContext, kubeconfigCredentialsId, mavenRepository, namespaceSelector, ' +
                'namespaces, onFailure, onSuccess, options, planDir, preHook, subject, toolCache')
        assertThat(console).doesNotContain('kanister-hooks plan')
    }
}
