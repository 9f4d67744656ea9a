package io.kanisterhooks.jenkins.test

import com.sun.net.httpserver.HttpServer
import hudson.AbortException
import org.junit.After
import org.junit.Test
import org.junit.runner.RunWith
import org.junit.runners.Parameterized

import javax.tools.ToolProvider
import java.security.MessageDigest
import java.util.jar.Attributes
import java.util.jar.JarEntry
import java.util.jar.JarOutputStream
import java.util.jar.Manifest

import static org.assertj.core.api.Assertions.assertThat

/**
 * How the library finds the CLI on the agent: KANISTER_HOOKS_CLI, else kanister-hooks on the PATH, else the jar of
 * the library's version in the tool cache, else downloaded from the configured Maven repository (none by default).
 */
@RunWith(Parameterized)
class CliLocationTest extends FakeCliTestBase {
    static final String VALIDATE = """
@Library('kanister-hooks') _
node {
    kanisterValidate(paths: 'blueprints/')
}
"""
    private HttpServer server

    CliLocationTest(String mode) {
        super(mode)
    }

    @After
    void stopServer() {
        server?.stop(0)
    }

    private void noCliAnywhere() {
        agentEnv.remove('KANISTER_HOOKS_CLI')
        agentEnv.PATH = '/usr/bin:/bin'
        assert !new File('/usr/bin/kanister-hooks').exists() && !new File('/bin/kanister-hooks').exists()
    }

    @Test
    void withoutCliAndRepositoryTheErrorSaysWhatToConfigure() {
        noCliAnywhere()
        Throwable t = failingPipeline(VALIDATE)
        assertThat(t).isInstanceOf(AbortException)
        assertThat(t.message).contains('the kanister-hooks CLI was not found', 'KANISTER_HOOKS_CLI',
                'KANISTER_HOOKS_MAVEN_REPOSITORY', 'mavenRepository', 'io.kanisterhooks:kanister-hooks-engine:0.1.0:jar:cli')
        assertThat(callCount()).isZero()
    }

    @Test
    void cliVariableNamingNothing() {
        agentEnv.KANISTER_HOOKS_CLI = '/nonexistent/kanister-hooks'
        Throwable t = failingPipeline(VALIDATE)
        assertThat(t.message).contains('KANISTER_HOOKS_CLI is /nonexistent/kanister-hooks, which does not exist')
    }

    @Test
    void cliOnThePath() {
        agentEnv.remove('KANISTER_HOOKS_CLI')
        agentEnv.PATH = FAKE_CLI.parent + ':/usr/bin:/bin'
        runPipeline(VALIDATE)
        assertThat(console).contains("kanister-hooks 0.1.0: ${FAKE_CLI.path} (found via PATH)")
        assertThat(cliCall(0)).containsExactly('validate', '--', 'blueprints/')
    }

    @Test
    void cliParameterWinsOverTheEnvironment() {
        agentEnv.KANISTER_HOOKS_CLI = '/nonexistent/kanister-hooks'
        runPipeline("""
@Library('kanister-hooks') _
node {
    kanisterValidate(paths: 'blueprints/', cli: '${FAKE_CLI.path}')
}
""")
        assertThat(cliCall(0)).containsExactly('validate', '--', 'blueprints/')
    }

    @Test
    void anotherVersionWorksWithAWarning() {
        agentEnv.FAKE_CLI_VERSION = '9.9.9'
        runPipeline(VALIDATE)
        assertThat(console).contains("WARNING: kanister-hooks CLI ${FAKE_CLI.path} (found via KANISTER_HOOKS_CLI) " +
                'is version 9.9.9, but this library is made for 0.1.0')
        assertThat(callCount()).isEqualTo(1)
        assertThat(buildResult).isEqualTo('SUCCESS')
    }

    @Test
    void aProgramThatIsNotTheCli() {
        agentEnv.KANISTER_HOOKS_CLI = '/bin/true'
        Throwable t = failingPipeline(VALIDATE)
        assertThat(t.message).contains('/bin/true does not run as the kanister-hooks CLI')
    }

    @Test
    void downloadedFromAFileRepositoryOnceThenCached() {
        noCliAnywhere()
        File repo = repository(cliJar())
        runPipeline("""
@Library('kanister-hooks') _
node {
    kanisterValidate(paths: 'blueprints/', mavenRepository: 'file://${repo.path}')
    kanisterValidate(paths: 'blueprints/', mavenRepository: 'file://${repo.path}')
}
""")
        assertThat(console).contains('kanister-hooks: downloading file:')
        assertThat(console).containsPattern('found via download\\)(?s).*found via tool cache\\)')
        assertThat(new File(workspace, '.kanister-hooks/tools/0.1.0/kanister-hooks-engine-0.1.0-cli.jar')).exists()
        assertThat(callCount()).isEqualTo(2)
    }

    @Test
    void downloadedOverHttpWithTheRepositoryFromTheEnvironment() {
        noCliAnywhere()
        File repo = repository(cliJar())
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
        server.createContext('/maven/') { exchange ->
            File f = new File(repo, exchange.requestURI.path.substring('/maven/'.length()))
            if (f.isFile()) {
                exchange.sendResponseHeaders(200, f.length())
                exchange.responseBody.withStream { it << f.bytes }
            } else {
                exchange.sendResponseHeaders(404, -1)
            }
            exchange.close()
        }
        server.start()
        agentEnv.KANISTER_HOOKS_MAVEN_REPOSITORY = "http://user:pass@127.0.0.1:${server.address.port}/maven/".toString()
        runPipeline("""
@Library('kanister-hooks') _
node {
    kanisterValidate(paths: 'blueprints/', toolCache: 'tools')
}
""")
        assertThat(console).contains("downloading http://127.0.0.1:${server.address.port}/maven/io/kanisterhooks/" +
                'kanister-hooks-engine/0.1.0/kanister-hooks-engine-0.1.0-cli.jar')
        assertThat(console).doesNotContain('user:pass')
        assertThat(new File(workspace, 'tools/0.1.0/kanister-hooks-engine-0.1.0-cli.jar')).exists()
        assertThat(callCount()).isEqualTo(1)
    }

    @Test
    void aDownloadWithTheWrongChecksumIsRejected() {
        noCliAnywhere()
        File repo = repository(cliJar())
        new File(repo, 'io/kanisterhooks/kanister-hooks-engine/0.1.0/kanister-hooks-engine-0.1.0-cli.jar.sha1').text =
                '0' * 40
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    kanisterValidate(paths: 'blueprints/', mavenRepository: 'file://${repo.path}')
}
""")
        assertThat(t.message).contains('checksum mismatch')
        assertThat(new File(workspace, '.kanister-hooks/tools/0.1.0').list()).isEmpty()
        assertThat(callCount()).isZero()
    }

    @Test
    void aRepositoryWithoutTheJar() {
        noCliAnywhere()
        Throwable t = failingPipeline("""
@Library('kanister-hooks') _
node {
    kanisterValidate(paths: 'blueprints/', mavenRepository: 'file://${temporary.newFolder('empty').path}')
}
""")
        assertThat(t.message).contains('cannot download file:', 'kanister-hooks-engine-0.1.0-cli.jar')
    }

    @Test
    void thePinnedVersionIsTheProjectVersion() {
        Properties p = new Properties()
        new File(LIBRARY, 'resources/io/kanisterhooks/jenkins/version.properties').withInputStream { p.load(it) }
        assertThat(p.getProperty('version')).isEqualTo(System.getProperty('kanisterhooks.version'))
    }

    /** A Maven repository layout with the CLI jar and its .sha1. */
    private File repository(File jar) {
        File repo = temporary.newFolder('repo')
        File dir = new File(repo, 'io/kanisterhooks/kanister-hooks-engine/0.1.0')
        dir.mkdirs()
        File target = new File(dir, 'kanister-hooks-engine-0.1.0-cli.jar')
        target.bytes = jar.bytes
        new File(dir, target.name + '.sha1').text =
                MessageDigest.getInstance('SHA-1').digest(jar.bytes).encodeHex().toString()
        return repo
    }

    /** A tiny runnable jar that answers like the CLI: its version, and an empty validate. */
    private File cliJar() {
        File src = temporary.newFolder('jar-src')
        File java = new File(src, 'Main.java')
        java.text = '''
public class Main {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--version")) {
            System.out.println("kanister-hooks 0.1.0");
            return;
        }
        java.nio.file.Path dir = java.nio.file.Path.of(System.getenv("FAKE_CLI_DIR"));
        long n;
        try (var files = java.nio.file.Files.list(dir)) {
            n = files.filter(p -> p.getFileName().toString().matches("call-[0-9]+")).count();
        }
        java.nio.file.Files.writeString(dir.resolve("call-" + n), String.join("\\0", args) + "\\0");
    }
}
'''
        assert ToolProvider.systemJavaCompiler.run(null, null, null, '-d', src.path, java.path) == 0
        File jar = new File(src, 'cli.jar')
        Manifest manifest = new Manifest()
        manifest.mainAttributes.put(Attributes.Name.MANIFEST_VERSION, '1.0')
        manifest.mainAttributes.put(Attributes.Name.MAIN_CLASS, 'Main')
        jar.withOutputStream { out ->
            JarOutputStream j = new JarOutputStream(out, manifest)
            j.putNextEntry(new JarEntry('Main.class'))
            j << new File(src, 'Main.class').bytes
            j.closeEntry()
            j.close()
        }
        return jar
    }
}
