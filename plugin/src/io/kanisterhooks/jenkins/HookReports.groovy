package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * The CLI's report files ({@code --report-dir}): the JUnit XML (one test case per namespace and hook) published with
 * the {@code junit} step when the JUnit plugin is installed, and optionally the HTML report archived with what it
 * links to (its stylesheet and the hook phases' full logs, {@code logs/}) and published with {@code publishHTML}
 * when the HTML Publisher plugin is installed.
 */
class HookReports implements Serializable {
    private static final long serialVersionUID = 1L

    static final List<String> PARAMETERS = ['reportDir', 'publishJunit', 'archiveReport']
    static final String JUNIT = 'kanister-hooks-junit.xml'
    static final String HTML = 'kanister-hooks-report.html'
    static final String CSS = 'kanister-hooks-report.css'
    static final String LOGS = 'logs/**'
    /** The name of the published HTML report (the link on the build's page). */
    static final String REPORT_NAME = 'Kanister hooks'

    private final Object script
    final String directory
    private final boolean publishJunit
    private final boolean archiveReport

    /** {@code defaultDirectory}: where reports go when the step names no reportDir (unique per step call). */
    HookReports(Object script, StepArguments args, String defaultDirectory) {
        this.script = script
        String dir = args.string('reportDir')
        this.directory = dir == null ? defaultDirectory : WorkspacePaths.path('reportDir', dir)
        this.publishJunit = args.bool('publishJunit', true)
        this.archiveReport = args.bool('archiveReport', false)
    }

    List<String> cliArguments() {
        return ['--report-dir=' + directory]
    }

    /**
     * Publishes what exists: the JUnit file; the HTML report archived and, with the HTML Publisher plugin, published.
     * A missing plugin is a line in the log, not a failure.
     */
    void publish() {
        PluginSteps steps = new PluginSteps(script)
        String junitFile = directory + '/' + JUNIT
        if (publishJunit && script.fileExists(junitFile)) {
            steps.junit(junitFile)
        }
        String htmlFile = directory + '/' + HTML
        if (archiveReport && script.fileExists(htmlFile)) {
            script.archiveArtifacts(artifacts: htmlReportFiles(), allowEmptyArchive: true)
            steps.publishHtml(directory, HTML, REPORT_NAME)
        }
    }

    /** The HTML report and what it links to, as archiveArtifacts' comma-separated patterns. */
    @NonCPS
    String htmlReportFiles() {
        return [HTML, CSS, LOGS].collect { directory + '/' + it }.join(',')
    }
}
