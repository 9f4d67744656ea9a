package io.kanisterhooks.jenkins.test

import hudson.AbortException
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException
import org.junit.Before
import org.junit.Test
import org.junit.runner.RunWith
import org.junit.runners.Parameterized

import static org.assertj.core.api.Assertions.assertThat

/**
 * (With the fake CLI.) The archived HTML report is also published with publishHTML when the HTML Publisher plugin is installed — after the
 * archiving, on every path that archives it — and skipped with one line when it is not; and kanisterPlan without the
 * JUnit plugin.
 */
@RunWith(Parameterized)
class ReportPublishingTest extends FakeCliTestBase {

    static final Map PUBLISHED_HTML = [step: 'publishHTML', reportDir: 'reports',
            reportFiles: 'kanister-hooks-report.html', reportName: 'Kanister hooks', keepAll: true, allowMissing: true,
            alwaysLinkToLastBuild: false]
    static final String ARCHIVED = 'reports/kanister-hooks-report.html,reports/kanister-hooks-report.css,' +
            'reports/logs/**'
    static final String NO_PUBLISHER = 'kanister-hooks: publishHTML is not available (HTML Publisher plugin not ' +
            'installed); the report is archived as reports/kanister-hooks-report.html'

    ReportPublishingTest(String mode) {
        super(mode)
    }

    @Before
    void writeReports() {
        agentEnv.FAKE_CLI_REPORT = '1'
    }

    private void withHtmlPublisher() {
        registerStep('publishHTML', [Map], { Map m -> published << ([step: 'publishHTML'] + (m.target as Map)) })
    }

    private static String pipeline(String body) {
        return """
@Library('kanister-hooks') _
node {
    withExecutionHooks(preHook: 'bp/a', namespaces: ['ns1'], reportDir: 'reports', archiveReport: true) {
        ${body}
    }
}
"""
    }

    /** What was published, in order, without the JUnit file. */
    private List<Map> reportSteps() {
        return published.findAll { it.step != 'junit' }.collect { Map m ->
            m.step == 'archiveArtifacts' ? [step: 'archiveArtifacts', artifacts: m.artifacts] : m
        }
    }

    @Test
    void withTheHtmlPublisherTheReportIsPublishedAfterItIsArchived() {
        withHtmlPublisher()
        runPipeline(pipeline("echo 'body ran'"))
        assertThat(reportSteps()).containsExactly([step: 'archiveArtifacts', artifacts: ARCHIVED], PUBLISHED_HTML)
        assertThat(buildResult).isEqualTo('SUCCESS')
    }

    @Test
    void aFailedBodyStillArchivesAndPublishesTheReport() {
        withHtmlPublisher()
        Throwable t = failingPipeline(pipeline("error 'the stage broke'"))
        assertThat(t).isInstanceOf(AbortException).hasMessage('the stage broke')
        assertThat(reportSteps()).containsExactly([step: 'archiveArtifacts', artifacts: ARCHIVED], PUBLISHED_HTML)
    }

    @Test
    void anAbortedBodyStillArchivesAndPublishesTheReport() {
        withHtmlPublisher()
        abortWhen('alice') { new File(workspace, 'started').exists() }
        Throwable t = failingPipeline(pipeline("sh 'touch started; sleep 300'"))
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat(reportSteps()).containsExactly([step: 'archiveArtifacts', artifacts: ARCHIVED], PUBLISHED_HTML)
    }

    @Test
    void withoutTheHtmlPublisherOneLineSaysSoAndTheBuildSucceeds() {
        runPipeline(pipeline("echo 'body ran'"))
        assertThat(reportSteps()).containsExactly([step: 'archiveArtifacts', artifacts: ARCHIVED])
        assertThat(console.readLines().findAll { it.contains('publishHTML') }).containsExactly(NO_PUBLISHER)
        assertThat(buildResult).isEqualTo('SUCCESS')
    }

    @Test
    void jenkinsMissingStepErrorIsHandledLikeAMissingMethod() {
        registerStep('publishHTML', [Map], { Map m ->
            throw new NoSuchMethodError("No such DSL method 'publishHTML' found among steps [archiveArtifacts, echo]")
        })
        runPipeline(pipeline("echo 'body ran'"))
        assertThat(console).contains(NO_PUBLISHER)
        assertThat(buildResult).isEqualTo('SUCCESS')
    }

    @Test
    void anotherMissingMethodInsidePublishHtmlIsNotMistakenForAMissingPlugin() {
        registerStep('publishHTML', [Map], { Map m ->
            throw new NoSuchMethodError("No such DSL method 'somethingElse' found among steps [publishHTML]")
        })
        Throwable t = failingPipeline(pipeline("echo 'body ran'"))
        assertThat(t).isInstanceOf(NoSuchMethodError).hasMessageContaining("'somethingElse'")
        assertThat(console).doesNotContain(NO_PUBLISHER)
    }

    @Test
    void kanisterPlanWithoutTheJunitPluginMarksTheBuildUnstableItself() {
        registerStep('junit', [Map], { Map m ->
            throw new NoSuchMethodError("No such DSL method 'junit' found among steps [archiveArtifacts, echo]")
        })
        runPipeline("""
@Library('kanister-hooks') _
node {
    kanisterPlan(preHook: 'bp/a', namespaces: ['ns1'], subject: 'statefulset/db')
}
""")
        assertThat(console).contains('kanister-hooks: the junit step is not available (is the JUnit plugin ' +
                'installed?); the results are in kanister-plan/kanister-plan-junit.xml',
                'kanisterPlan: 1 of 1 hooks would fail:\n  ns1: preHook bp/a: statefulsets.apps "db" not found')
        assertThat(buildResult).isEqualTo('UNSTABLE')
        assertThat(callCount()).as('plan is started once').isEqualTo(1)
        assertThat(cliCall(0)).containsExactly('plan', '--pre-hook=bp/a', '--namespace=ns1', '--subject=statefulset/db',
                '--output=text', '--junit=kanister-plan/kanister-plan-junit.xml',
                '--json=kanister-plan/kanister-plan.json')
        assertThat(new File(workspace, 'kanister-plan/kanister-plan.txt').text).startsWith('preHook\n  ns1: bp/a')
    }

    @Test
    void withoutArchiveReportNothingIsPublished() {
        withHtmlPublisher()
        runPipeline(pipeline("echo 'body ran'").replace(', archiveReport: true', ''))
        assertThat(reportSteps()).isEmpty()
        assertThat(console).doesNotContain('publishHTML')
    }
}
