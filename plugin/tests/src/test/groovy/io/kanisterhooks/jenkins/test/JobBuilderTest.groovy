package io.kanisterhooks.jenkins.test

import groovy.util.XmlSlurper
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder

import java.util.concurrent.TimeUnit

import static org.assertj.core.api.Assertions.assertThat

/**
 * The freestyle jobs of jenkinsfile-examples/freestyle: rendered offline by Jenkins Job Builder and compared with the
 * committed XML, and their shell steps run for real (wrap, then the PostBuildScript failure handler) on the local
 * cluster.
 */
class JobBuilderTest {
    static final File ROOT = PipelineTestBase.ROOT
    static final File JOBS = new File(ROOT, 'jenkinsfile-examples/freestyle/jobs.yaml')
    static final File EXPECTED = new File(ROOT, 'jenkinsfile-examples/freestyle/expected')

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder()

    private File render() {
        File out = temporary.newFolder('jobs')
        Process p
        try {
            p = new ProcessBuilder('jenkins-jobs', 'test', JOBS.path, '-o', out.path).redirectErrorStream(true).start()
        } catch (IOException e) {
            throw new AssertionError('jenkins-jobs (Jenkins Job Builder) is not installed; on Debian: apt-get install ' +
                    'jenkins-job-builder (bin/provision installs it)', e)
        }
        String output = p.inputStream.text
        assertThat(p.waitFor()).as('jenkins-jobs test output:\n' + output).isZero()
        return out
    }

    @Test
    void jobsRenderToTheCommittedXml() {
        File out = render()
        assertThat(out.list().toList().sort()).isEqualTo(EXPECTED.list().collect { it - '.xml' }.sort())
        out.eachFile { File job ->
            assertThat(job.text).as(job.name).isEqualTo(new File(EXPECTED, job.name + '.xml').text)
        }
    }

    @Test
    void theJobUsesWrapACredentialATimeoutAndAFailureHandler() {
        def project = new XmlSlurper().parse(new File(EXPECTED, 'shop-backup.xml'))
        assertThat(project.builders.'hudson.tasks.Shell'.command.text()).contains('exec kanister-hooks wrap ', ' -- ./backup.sh')
        def binding = project.buildWrappers.'org.jenkinsci.plugins.credentialsbinding.impl.SecretBuildWrapper'.bindings
                .'org.jenkinsci.plugins.credentialsbinding.impl.FileBinding'
        assertThat(binding.variable.text()).isEqualTo('KUBECONFIG')
        assertThat(project.buildWrappers.'hudson.plugins.build__timeout.BuildTimeoutWrapper'.strategy.timeoutMinutes.text())
                .isEqualTo('60')
        def step = project.publishers.'org.jenkinsci.plugins.postbuildscript.PostBuildScript'.config.buildSteps
                .'org.jenkinsci.plugins.postbuildscript.model.PostBuildStep'
        assertThat(step.results.string*.text()).containsExactly('FAILURE', 'ABORTED')
        assertThat(step.buildSteps.'hudson.tasks.Shell'.command.text())
                .contains('kanister-hooks runs recover --build-tag "$BUILD_TAG"')
    }

    /**
     * Runs the job's build step, then (as Jenkins would after a failure) its failure handler, with the real CLI:
     * wrap ran onFailure, so the handler's recovery finds nothing left to do.
     */
    @Test
    void aFailedBackupRunsOnFailureOnceAndTheHandlerFindsNothingToRecover() {
        TestCluster.ensureK10()
        String ns = TestCluster.newNamespace('freestyle')
        try {
            def project = new XmlSlurper().parse(new File(EXPECTED, 'shop-backup.xml'))
            File workspace = temporary.newFolder('workspace')
            new File(workspace, 'jenkinsfile-examples/blueprints').mkdirs()
            new File(workspace, 'jenkinsfile-examples/blueprints/app-hooks.yaml').text =
                    new File(ROOT, 'jenkinsfile-examples/blueprints/app-hooks.yaml').text
            File backup = new File(workspace, 'backup.sh')
            backup.text = '#!/bin/sh\necho "backing up $NAMESPACE"; exit 4\n'
            backup.setExecutable(true)
            File bin = temporary.newFolder('bin')
            new File(bin, 'kanister-hooks').text = "#!/bin/sh\nexec '${PipelineTestBase.CLI.path}' \"\$@\"\n"
            new File(bin, 'kanister-hooks').setExecutable(true)
            Map<String, String> env = [NAMESPACE: ns, WORKSPACE: workspace.path, BUILD_TAG: 'jenkins-shop-backup-1',
                    KUBECONFIG: TestCluster.kubeconfig().path, PATH: bin.path + ':' + System.getenv('PATH')]

            Map build = shell(project.builders.'hudson.tasks.Shell'.command.text(), workspace, env)
            assertThat(build.exit).as(build.output).isEqualTo(4)
            assertThat(build.output).contains("backing up ${ns}", "[${ns}/onFailure/alert] ALERT: the job failed for namespace ${ns}")

            String handler = project.publishers.'org.jenkinsci.plugins.postbuildscript.PostBuildScript'.config.buildSteps
                    .'org.jenkinsci.plugins.postbuildscript.model.PostBuildStep'.buildSteps.'hudson.tasks.Shell'.command.text()
            Map post = shell(handler, workspace, env)
            assertThat(post.exit).as(post.output).isZero()
            assertThat(post.output).as('wrap finished its run: nothing to recover').doesNotContain('ALERT')
                    .contains('no run to recover')
            assertThat(new File(workspace, 'kanister-hooks-reports/kanister-hooks-junit.xml')).exists()
        } finally {
            TestCluster.deleteNamespace(ns)
        }
    }

    private static Map shell(String command, File dir, Map<String, String> env) {
        File script = File.createTempFile('step', '.sh', dir)
        script.text = command
        ProcessBuilder pb = new ProcessBuilder('bash', script.path).directory(dir).redirectErrorStream(true)
        pb.environment().putAll(env)
        Process p = pb.start()
        String output = p.inputStream.text
        assert p.waitFor(5, TimeUnit.MINUTES)
        println output
        return [exit: p.exitValue(), output: output]
    }
}
