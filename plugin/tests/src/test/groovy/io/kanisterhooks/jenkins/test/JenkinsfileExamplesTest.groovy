package io.kanisterhooks.jenkins.test

import hudson.AbortException
import org.junit.Before
import org.junit.Test
import org.junit.runner.RunWith
import org.junit.runners.Parameterized
import org.yaml.snakeyaml.Yaml

import static org.assertj.core.api.Assertions.assertThat

/** Every Jenkinsfile of jenkinsfile-examples/ runs, against the local cluster, as a user would run it. */
@RunWith(Parameterized)
class JenkinsfileExamplesTest extends ClusterTestBase {

    JenkinsfileExamplesTest(String mode) {
        super(mode)
    }

    @Before
    void checkoutExamples() {
        checkout('jenkinsfile-examples')
        params.NAMESPACE = ns
        // the examples keep their runs in kasten-io, which all tests share: each test is a build of its own
        env.BUILD_TAG = "jenkins-examples-${ns}".toString()
    }

    @Test
    void scriptedBackup() {
        runJenkinsfile('jenkinsfile-examples/scripted/backup.Jenkinsfile')
        assertThat(console).containsSubsequence(podLog(ns, 'preHook', 'flushTables', "FLUSH TABLES WITH READ LOCK in namespace ${ns}"),
                'Timeout set to expire in 30 min 0 sec', "backing up ${ns} (quiesced at 20", podLog(ns, 'onSuccess', 'unlockTables', "UNLOCK TABLES in namespace ${ns} (locked since 20"),
                "preHook artifacts: [${ns}:[quiesced:[at:20")
        assertThat(buildResult).isEqualTo('SUCCESS')
    }

    @Test
    void scriptedRestoreWaitsForTheStatefulSetsPod() {
        TestCluster.createStatefulSet(ns, 'mysql')
        runJenkinsfile('jenkinsfile-examples/scripted/restore.Jenkinsfile')
        assertThat(console).contains("restoring the mysql StatefulSet of ${ns}")
                .contains("[ OK ] ${ns} onSuccess hook-blueprint/post-restore succeeded").doesNotContain('ALERT')
        assertThat(published.find { it.step == 'archiveArtifacts' }.artifacts as String)
                .contains('/kanister-hooks-report.html,').contains('/kanister-hooks-report.css,').endsWith('/logs/**')
        assertThat(buildResult).isEqualTo('SUCCESS')
    }

    @Test
    void declarativeBackupRemovesTheMigrateLabelWithTheK10PagesHook() {
        TestCluster.labelNamespace(ns, 'migrate', 'true')
        runJenkinsfile('jenkinsfile-examples/declarative/backup.Jenkinsfile')
        assertThat(console).containsSubsequence('validated 2 blueprints', "backing up ${ns}",
                "[ OK ] ${ns} onSuccess hook-blueprint/post-export succeeded", 'kanister-hooks: no run to recover')
        assertThat(TestCluster.labels(ns)).doesNotContainKey('migrate')
        assertThat(buildResult).isEqualTo('SUCCESS')
    }

    @Test
    void declarativeFailureHandlerAlertsAfterAFailedStage() {
        params.FAIL_DEPLOY = true
        Throwable t = failingPipeline(new File(ROOT, 'jenkinsfile-examples/declarative/failure-handler.Jenkinsfile').text)
        assertThat(t).isInstanceOf(AbortException).hasMessage('script returned exit code 1')
        assertThat(declarative.ranConditions).containsExactly('failure')
        assertThat(console).contains(podLog(ns, 'onFailure', 'alert', "ALERT: the job failed for namespace ${ns}"))
        assertThat(buildResult).isEqualTo('FAILURE')
    }

    @Test
    void declarativeFailureHandlerStaysQuietAfterSuccess() {
        runJenkinsfile('jenkinsfile-examples/declarative/failure-handler.Jenkinsfile')
        assertThat(declarative.ranConditions).containsExactly('success')
        assertThat(console).contains('deployed; no hook needed').doesNotContain('ALERT')
    }

    @Test
    void declarativeK10PolicyHooksInEveryLabelledNamespace() {
        String label = "kj-policy-${ns}".toString()
        String first = namespace('-1', [backup: label])
        String second = namespace('-2', [backup: label])
        params.SELECTOR = "backup=${label}".toString()
        runJenkinsfile('jenkinsfile-examples/declarative/multi-namespace-policy.Jenkinsfile')
        assertThat(console).contains("quiesced namespaces: ${[first, second].sort()}")
        [first, second].each { String n ->
            assertThat(console).contains(podLog(n, 'preHook', 'flushTables', "FLUSH TABLES WITH READ LOCK in namespace ${n}"))
                    .contains(podLog(n, 'onSuccess', 'unlockTables', "UNLOCK TABLES in namespace ${n} (locked since 20"))
        }
    }

    @Test
    void declarativePullRequestPlanRecordsAPassedTestPerHookAndRunsNothing() {
        TestCluster.createStatefulSet(ns, 'mysql')
        env.CHANGE_ID = '42'
        env.BRANCH_NAME = 'PR-42'
        // its text, as a script of another name: Groovy cannot name the call sites of a class named with dashes
        runPipeline(new File(ROOT, 'jenkinsfile-examples/declarative/pull-request-plan.Jenkinsfile').text)
        assertThat(stages.find { it.name == 'Backup' }.skipped).isNotNull()
        assertThat(console).containsSubsequence('kanisterPlan:', 'preHook', "  ${ns}: app-hooks/quiesce, subject " +
                "statefulset/mysql", 'onSuccess', 'onFailure', '3 hooks in 1 namespace: all would start and render')
                .doesNotContain('backing up')
        assertThat(published).contains([step: 'junit', testResults: 'hook-plan/kanister-plan-junit.xml', exists: true])
        assertThat(published).contains([step: 'archiveArtifacts', artifacts: 'hook-plan/kanister-plan.txt,' +
                'hook-plan/kanister-plan.json,hook-plan/kanister-plan-junit.xml'])
        assertThat(new File(workspace, 'hook-plan/kanister-plan-junit.xml').text)
                .contains('tests="3" failures="0"')
        List<String> pods = TestCluster.pods(ns).collect { it.metadata.name as String }
        assertThat(pods.every { it.startsWith('mysql-') }).as("a plan runs no hook: ${pods}").isTrue()
        assertThat(buildResult).isEqualTo('SUCCESS')
    }

    @Test
    void jcascRegistersTheLibraryFromThePluginDirectory() {
        Map casc = new Yaml().load(new File(ROOT, 'jenkinsfile-examples/jcasc/kanister-hooks-library.yaml').text) as Map
        Map library = casc.unclassified.globalLibraries.libraries[0] as Map
        assertThat(library.name).isEqualTo('kanister-hooks')
        String libraryPath = library.retriever.modernSCM.libraryPath
        assertThat(libraryPath).isEqualTo('plugin/')
        File root = ROOT
        ['withExecutionHooks', 'kanisterHook', 'kanisterAction', 'kanisterValidate', 'kanisterRecover',
         'kanisterPlan'].each { String step ->
            assertThat(new File(root, libraryPath + "vars/${step}.groovy")).exists()
            assertThat(new File(root, libraryPath + "vars/${step}.txt")).exists()
        }
        Map file = casc.credentials.system.domainCredentials[0].credentials[0].file as Map
        assertThat(file.id).isEqualTo('kubeconfig')
    }
}
