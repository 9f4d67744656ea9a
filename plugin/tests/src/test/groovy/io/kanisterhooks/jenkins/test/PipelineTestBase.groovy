package io.kanisterhooks.jenkins.test

import com.lesfurets.jenkins.unit.BasePipelineTest
import com.lesfurets.jenkins.unit.cps.PipelineTestHelperCPS
import hudson.AbortException
import org.junit.After
import org.junit.Before
import org.junit.Rule
import org.junit.rules.TemporaryFolder
import org.junit.rules.TestName
import org.junit.runners.Parameterized

import java.nio.file.Files
import java.nio.file.NoSuchFileException
import java.util.concurrent.TimeUnit

import static com.lesfurets.jenkins.unit.global.lib.LibraryConfiguration.library

/**
 * Base of the library tests. Every test runs twice: with plain Groovy and CPS-transformed (as Jenkins runs Pipeline
 * code, which also checks that what the library keeps across steps is Serializable).
 *
 * The step mocks follow the documented Jenkins semantics: {@code error} throws hudson.AbortException; {@code sh} runs
 * its script for real (see {@link AgentShell}) and honours returnStatus/returnStdout; {@code withEnv} and
 * {@code withCredentials([file(...)])} change the environment of the steps inside them only (the file credential is a
 * temporary copy, deleted afterwards); {@code currentBuild.result} stays null until something makes the build worse,
 * {@code currentResult} is SUCCESS until then; {@code timeout} really fires; {@code junit} marks the build UNSTABLE when
 * the report has failures.
 */
abstract class PipelineTestBase extends BasePipelineTest {
    static final File ROOT = new File(System.getProperty('kanisterhooks.root', '../..')).canonicalFile
    static final File LIBRARY = new File(ROOT, 'plugin')
    static final File CLI = new File(ROOT, 'bin/kanister-hooks')
    static final List<String> RESULTS = ['SUCCESS', 'UNSTABLE', 'FAILURE', 'NOT_BUILT', 'ABORTED']
    private static int scriptCounter

    @Parameterized.Parameters(name = '{0}')
    static Collection<Object[]> modes() {
        return [['plain'] as Object[], ['cps'] as Object[]]
    }

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder()
    @Rule
    public TestName testName = new TestName()

    final String mode
    final AgentShell agent = new AgentShell()
    File workspace
    /** Jenkins credentials: id -> the secret file. */
    final Map<String, File> credentials = [:]
    /** The steps called, with their arguments (for assertions on what was published, etc.). */
    final List<Map> published = []
    /** The agent's environment (the node's variables); the build's env (binding) is added on top. */
    final Map<String, String> agentEnv = [:]
    DeclarativeShim declarative
    private final List<File> directories = []
    private File scripts

    PipelineTestBase(String mode) {
        this.mode = mode
        if (mode == 'cps') {
            helper = new PipelineTestHelperCPS()
        }
    }

    @Override
    @Before
    void setUp() throws Exception {
        workspace = temporary.newFolder('workspace')
        scripts = new File(ROOT, 'plugin/tests/target/test-jenkinsfiles')
        scripts.mkdirs()
        scriptRoots += [ROOT.path, scripts.path] as String[]
        super.setUp()
        helper.registerSharedLibrary(library().name('kanister-hooks').defaultVersion('main').allowOverride(true)
                .implicit(false).targetPath('unused').retriever(new ProjectDirSource(dir: LIBRARY)).build())
        directories.clear()
        directories << workspace
        agentEnv.putAll(System.getenv().findAll { k, v -> !(k in ['KUBECONFIG', 'KANISTER_HOOKS_CLI',
                'KANISTER_HOOKS_MAVEN_REPOSITORY', 'KANISTER_HOOKS_CLUSTER_DIR']) })
        agentEnv.KANISTER_HOOKS_CLI = CLI.path
        binding.setVariable('env', [WORKSPACE: workspace.path, BUILD_NUMBER: '1', JOB_NAME: 'kanister-hooks-test',
                BUILD_TAG: 'jenkins-kanister-hooks-test-1'])
        binding.setVariable('params', [:])
        binding.setVariable('currentBuild', [result: null, currentResult: 'SUCCESS', number: 1])
        binding.setVariable('any', 'any')
        binding.setVariable('none', 'none')
        binding.setVariable('scm', [:])
        registerSteps()
        declarative = new DeclarativeShim(this)
        declarative.register()
    }

    @After
    void stopAgent() {
        agent.stop()
    }

    void registerSteps() {
        // String and GString (Object) forms: JenkinsPipelineUnit matches the first registered signature
        [String, Object].each { Class type ->
            helper.registerAllowedMethod('error', [type], { Object msg ->
                setResult('FAILURE')
                throw new AbortException(msg as String)
            })
            helper.registerAllowedMethod('echo', [type], { Object msg -> agent.log(msg as String) })
            helper.registerAllowedMethod('sh', [type], { Object s ->
                agent.sh([script: s as String], currentDir(), processEnv())
            })
        }
        helper.registerAllowedMethod('sh', [Map], { Map m -> agent.sh(m, currentDir(), processEnv()) })
        helper.registerAllowedMethod('isUnix', [], { -> true })
        helper.registerAllowedMethod('checkout', [Object], { Object scm -> null }) // the test copies the files
        helper.registerAllowedMethod('pwd', [], { -> currentDir().path })
        helper.registerAllowedMethod('dir', [String, Closure], { String d, Closure c ->
            File target = resolve(d)
            target.mkdirs()
            directories << target
            try {
                return helper.callClosure(c)
            } finally {
                directories.remove(directories.size() - 1)
            }
        })
        helper.registerAllowedMethod('writeFile', [Map], { Map m ->
            File f = resolve(m.file as String)
            f.parentFile.mkdirs()
            f.setText(m.text as String, (m.encoding ?: 'UTF-8') as String)
            null
        })
        helper.registerAllowedMethod('readFile', [String], { String f -> readWorkspaceFile(f) })
        helper.registerAllowedMethod('readFile', [Map], { Map m -> readWorkspaceFile(m.file as String) })
        helper.registerAllowedMethod('fileExists', [String], { String f -> resolve(f).exists() })
        helper.registerAllowedMethod('fileExists', [Map], { Map m -> resolve(m.file as String).exists() })
        helper.registerAllowedMethod('libraryResource', [Map], { Map m ->
            helper.libraryResourceInterceptor.call(m.resource as String)
        })
        helper.registerAllowedMethod('withEnv', [List, Closure], { List vars, Closure c -> withEnvironment(vars, c) })
        helper.registerAllowedMethod('file', [Map], { Map m -> [binding: 'file'] + m })
        helper.registerAllowedMethod('string', [Map], { Map m -> [binding: 'string'] + m })
        helper.registerAllowedMethod('withCredentials', [List, Closure], { List bindings, Closure c ->
            withCredentialFiles(bindings, c)
        })
        helper.registerAllowedMethod('junit', [Map], { Map m -> publishJunit(m.testResults as String) })
        helper.registerAllowedMethod('junit', [String], { String f -> publishJunit(f) })
        helper.registerAllowedMethod('archiveArtifacts', [Map], { Map m ->
            published << [step: 'archiveArtifacts', artifacts: m.artifacts]
            null
        })
        helper.registerAllowedMethod('timeout', [Map, Closure], { Map m, Closure c -> withTimeout(m, c) })
        helper.registerAllowedMethod('timeout', [Integer, Closure], { Integer minutes, Closure c ->
            withTimeout([time: minutes], c)
        })
    }

    // ---- the build ------------------------------------------------------------------------------------------------

    /** Makes the build result worse, never better (as Jenkins does). */
    void setResult(String result) {
        Map build = binding.getVariable('currentBuild') as Map
        String current = build.result ?: 'SUCCESS'
        if (RESULTS.indexOf(result) > RESULTS.indexOf(current)) {
            build.result = result
            build.currentResult = result
        }
    }

    String getBuildResult() {
        return (binding.getVariable('currentBuild') as Map).currentResult
    }

    Map<String, String> getEnv() {
        return binding.getVariable('env') as Map<String, String>
    }

    Map<String, Object> getParams() {
        return binding.getVariable('params') as Map<String, Object>
    }

    String getConsole() {
        return agent.console.toString()
    }

    /** Runs a Jenkinsfile of the project (path relative to the project root). */
    Object runJenkinsfile(String path) {
        return runScript(new File(ROOT, path).path)
    }

    /** Runs an inline Jenkinsfile: written to a file, since the script engine loads scripts from files. */
    Object runPipeline(String text) {
        File f = new File(scripts, "${getClass().simpleName}_${mode}_${++scriptCounter}.jenkins")
        f.text = text
        return runScript(f.path)
    }

    /** Runs a pipeline that is expected to fail, and returns what it threw. */
    Throwable failingPipeline(String text) {
        try {
            runPipeline(text)
        } catch (Throwable t) {
            return t
        }
        throw new AssertionError('the pipeline did not fail; console:\n' + console)
    }

    /** Aborts the build (as the abort button does) once {@code condition} holds, checked in the background. */
    void abortWhen(String cause, Closure<Boolean> condition) {
        Thread t = new Thread({
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5)
            while (System.nanoTime() < deadline) {
                try {
                    if (condition.call()) {
                        agent.interrupt(cause)
                        return
                    }
                } catch (Exception ignored) {
                    // not yet
                }
                Thread.sleep(200)
            }
        } as Runnable, 'abort-when')
        t.daemon = true
        t.start()
    }

    /** Copies a directory of the project (e.g. jenkinsfile-examples) into the workspace, as a checkout would. */
    void checkout(String path) {
        File from = new File(ROOT, path)
        File to = new File(workspace, path)
        from.eachFileRecurse { File f ->
            File target = new File(to, from.toPath().relativize(f.toPath()).toString())
            if (f.isDirectory()) {
                target.mkdirs()
            } else {
                target.parentFile.mkdirs()
                Files.copy(f.toPath(), target.toPath())
            }
        }
    }

    // ---- step implementations ---------------------------------------------------------------------------------------

    File currentDir() {
        return directories.last()
    }

    File resolve(String path) {
        File f = new File(path)
        return f.absolute ? f : new File(currentDir(), path)
    }

    String readWorkspaceFile(String path) {
        File f = resolve(path)
        if (!f.exists()) {
            throw new NoSuchFileException(f.path)
        }
        return f.getText('UTF-8')
    }

    /** The environment of a process started by a step: the agent's, the build parameters, then the build's env. */
    Map<String, String> processEnv() {
        Map<String, String> e = new LinkedHashMap<String, String>(agentEnv)
        params.each { k, v -> if (v != null) { e.put(k as String, v as String) } }
        env.each { k, v -> if (v != null) { e.put(k as String, v as String) } }
        return e
    }

    /** withEnv: KEY=value sets, PATH+NAME=dir prepends; restored afterwards. */
    Object withEnvironment(List vars, Closure c) {
        Map<String, String> saved = new LinkedHashMap<String, String>(env)
        vars.each { Object v ->
            String s = v as String
            int eq = s.indexOf('=')
            String key = s.substring(0, eq)
            String value = s.substring(eq + 1)
            int plus = key.indexOf('+')
            if (plus > 0) {
                key = key.substring(0, plus)
                String base = env[key] ?: agentEnv[key]
                value = base ? value + File.pathSeparator + base : value
            }
            env.put(key, value)
        }
        try {
            return helper.callClosure(c)
        } finally {
            env.clear()
            env.putAll(saved)
        }
    }

    /** withCredentials([file(credentialsId:, variable:)]): a temporary copy of the secret file, as the binding makes. */
    Object withCredentialFiles(List bindings, Closure c) {
        List<File> copies = []
        List<String> vars = []
        bindings.each { Map b ->
            if (b.binding != 'file') {
                throw new UnsupportedOperationException("only file credentials are mocked, not ${b.binding}")
            }
            File secret = credentials[b.credentialsId as String]
            if (secret == null) {
                throw new AbortException("Could not find credentials entry with ID '${b.credentialsId}'")
            }
            File dir = new File(workspace.path + '@tmp/secretFiles/' + UUID.randomUUID())
            dir.mkdirs()
            File copy = new File(dir, secret.name)
            Files.copy(secret.toPath(), copy.toPath())
            copies << dir
            vars << "${b.variable}=${copy.path}".toString()
        }
        try {
            return withEnvironment(vars, c)
        } finally {
            copies.each { it.deleteDir() }
        }
    }

    Object publishJunit(String pattern) {
        File f = resolve(pattern)
        published << [step: 'junit', testResults: pattern, exists: f.exists()]
        if (f.exists() && (f.text.contains('<failure') || f.text.contains('<error'))) {
            setResult('UNSTABLE')
        }
        return null
    }

    Object withTimeout(Map m, Closure c) {
        long time = (m.time as Number).longValue()
        TimeUnit unit = TimeUnit.valueOf((m.unit ?: 'MINUTES') as String)
        String cause = "Timeout has been exceeded (${time} ${unit})"
        Timer timer = new Timer('timeout', true)
        timer.schedule({ agent.interrupt(cause) } as TimerTask, unit.toMillis(time))
        try {
            return helper.callClosure(c)
        } finally {
            timer.cancel()
            agent.cancelInterruption(cause)
        }
    }
}
