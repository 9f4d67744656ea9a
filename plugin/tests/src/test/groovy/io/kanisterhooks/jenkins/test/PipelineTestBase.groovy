package io.kanisterhooks.jenkins.test

import com.lesfurets.jenkins.unit.BasePipelineTest
import com.lesfurets.jenkins.unit.cps.PipelineTestHelperCPS
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException
import org.jenkinsci.plugins.workflow.steps.MissingContextVariableException
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
 * The step mocks follow Jenkins' documented semantics (each stand-in class says which): {@code sh} really runs its
 * script ({@link AgentShell}); {@code timeout}, {@code retry} and {@code parallel} act as their Jenkins executions
 * ({@link TimeoutStep}, {@link RetryStep}, {@link ParallelStep}), interrupting running bodies as Jenkins does
 * ({@link RunningBodies}); {@code error}, {@code unstable}, {@code catchError}, {@code warnError} set results as
 * Jenkins does ({@link ResultSteps}; {@code currentBuild}: {@link CurrentBuild}); steps that need a workspace fail
 * outside {@code node} and run in the workspace of the node's agent ({@link Agents}); {@code withEnv} and
 * {@code withCredentials} change the environment of the steps inside them only ({@link Credentials}); {@code junit}
 * marks the build UNSTABLE when the report has failures; Declarative Pipeline is modelled by
 * {@link DeclarativePipeline}.
 */
abstract class PipelineTestBase extends BasePipelineTest {
    static final File ROOT = new File(System.getProperty('kanisterhooks.root', '../..')).canonicalFile
    static final File LIBRARY = new File(ROOT, 'plugin')
    static final File CLI = new File(ROOT, 'bin/kanister-hooks')
    /** Jenkins' grace period after a timeout interrupts its body (TimeoutStepExecution.GRACE_PERIOD): 60 s. */
    static final long JENKINS_GRACE_PERIOD = 60_000
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
    final RunningBodies bodies = new RunningBodies()
    final AgentShell shell = new AgentShell(bodies)
    final Agents agents = new Agents()
    /** The workspace of the first agent, where {@code node { }} and {@code agent any} run. */
    File workspace
    /** Jenkins credentials; {@code credentials['id'] = file} adds a file credential. */
    final Credentials credentials = new Credentials(this)
    /** The steps called, with their arguments (for assertions on what was published, etc.). */
    final List<Map> published = []
    /** The agent's environment (the node's variables); the build's env (binding) is added on top. */
    final Map<String, String> agentEnv = [:]
    /** How long a {@code timeout}'s body may still run after the timeout interrupted it (Jenkins: 60 s). */
    long timeoutGracePeriodMillis = Long.getLong('kanisterhooks.timeoutGracePeriodMillis', JENKINS_GRACE_PERIOD)
    /** When set, every {@code timeout} expires as soon as this holds, not after its time (see {@link TimeoutStep}). */
    Closure<Boolean> timeoutsExpireWhen
    /** Every stage that started (or was skipped), in order. */
    final List<StageRecord> stages = []
    CurrentBuild build
    TimeoutStep timeoutStep
    RetryStep retryStep
    ParallelStep parallelStep
    ResultSteps resultSteps
    DeclarativePipeline declarative
    private final List<File> directories = []
    private final List<StageRecord> openStages = []
    private RunningBodies.Body buildBody
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
        agents.add('agent-1', ['linux'], workspace)
        scripts = new File(ROOT, 'plugin/tests/target/test-jenkinsfiles')
        scripts.mkdirs()
        scriptRoots += [ROOT.path, scripts.path] as String[]
        super.setUp()
        helper.registerSharedLibrary(library().name('kanister-hooks').defaultVersion('main').allowOverride(true)
                .implicit(false).targetPath('unused').retriever(new ProjectDirSource(dir: LIBRARY)).build())
        agentEnv.putAll(System.getenv().findAll { k, v -> !(k in ['KUBECONFIG', 'KANISTER_HOOKS_CLI',
                'KANISTER_HOOKS_MAVEN_REPOSITORY', 'KANISTER_HOOKS_CLUSTER_DIR']) })
        agentEnv.KANISTER_HOOKS_CLI = CLI.path
        build = new CurrentBuild(1, null)
        binding.setVariable('env', [BUILD_NUMBER: '1', JOB_NAME: 'kanister-hooks-test',
                BUILD_TAG: 'jenkins-kanister-hooks-test-1'])
        binding.setVariable('params', [:])
        binding.setVariable('currentBuild', build)
        binding.setVariable('any', 'any')
        binding.setVariable('none', 'none')
        binding.setVariable('scm', [:])
        timeoutStep = new TimeoutStep(this)
        retryStep = new RetryStep(this)
        parallelStep = new ParallelStep(this)
        resultSteps = new ResultSteps(this)
        registerSteps()
        declarative = new DeclarativePipeline(this)
        declarative.register()
        makeStepsInterruptible()
    }

    @After
    void stopAgent() {
        shell.stop()
    }

    void registerSteps() {
        // String and GString (Object) forms: JenkinsPipelineUnit matches the first registered signature
        [String, Object].each { Class type ->
            helper.registerAllowedMethod('error', [type], { Object msg -> resultSteps.error(msg) })
            helper.registerAllowedMethod('echo', [type], { Object msg -> log(msg as String) })
            helper.registerAllowedMethod('sh', [type], { Object s ->
                shell.sh([script: s as String], currentDir(), processEnv())
            })
        }
        helper.registerAllowedMethod('sh', [Map], { Map m -> shell.sh(m, currentDir(), processEnv()) })
        // String and GString, not Object: unstable { } is also a post condition, warnError also takes a Map
        [String, GString].each { Class type ->
            helper.registerAllowedMethod('unstable', [type], { Object msg -> resultSteps.unstable(msg as String) })
            helper.registerAllowedMethod('warnError', [type, Closure], { Object msg, Closure c ->
                resultSteps.warnError([message: msg as String], c)
            })
        }
        helper.registerAllowedMethod('unstable', [Map], { Map m -> resultSteps.unstable(m.message as String) })
        helper.registerAllowedMethod('warnError', [Map, Closure], { Map m, Closure c -> resultSteps.warnError(m, c) })
        helper.registerAllowedMethod('catchError', [Map, Closure], { Map m, Closure c -> resultSteps.catchError(m, c) })
        helper.registerAllowedMethod('catchError', [Closure], { Closure c -> resultSteps.catchError([:], c) })
        helper.registerAllowedMethod('isUnix', [], { ->
            currentDir()
            true
        })
        helper.registerAllowedMethod('checkout', [Object], { Object scm -> // the test copies the files
            currentDir()
            null
        })
        helper.registerAllowedMethod('pwd', [], { -> currentDir().path })
        helper.registerAllowedMethod('dir', [String, Closure], { String d, Closure c ->
            File target = resolve(d)
            target.mkdirs()
            inDirectory(target) { helper.callClosure(c) }
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
        helper.registerAllowedMethod('withEnv', [List, Closure], { List vars, Closure c ->
            withEnvironment(vars) { helper.callClosure(c) }
        })
        ['file', 'usernamePassword', 'usernameColonPassword'].each { String binding ->
            helper.registerAllowedMethod(binding, [Map], { Map m -> [binding: binding] + m })
        }
        helper.registerAllowedMethod('string', [Map], { Map m ->
            m.credentialsId != null ? [binding: 'string'] + m : declarative.parameter(m)
        })
        helper.registerAllowedMethod('withCredentials', [List, Closure], { List bindings, Closure c ->
            credentials.bind(bindings) { helper.callClosure(c) }
        })
        helper.registerAllowedMethod('junit', [Map], { Map m -> publishJunit(m.testResults as String) })
        helper.registerAllowedMethod('junit', [String], { String f -> publishJunit(f) })
        helper.registerAllowedMethod('archiveArtifacts', [Map], { Map m ->
            resolve(m.artifacts as String)
            published << [step: 'archiveArtifacts', artifacts: m.artifacts]
            null
        })
        helper.registerAllowedMethod('timeout', [Map, Closure], { Map m, Closure c -> timeoutStep.run(m, c) })
        helper.registerAllowedMethod('timeout', [Integer, Closure], { Integer minutes, Closure c ->
            timeoutStep.run([time: minutes], c)
        })
        helper.registerAllowedMethod('retry', [Integer, Closure], { Integer n, Closure c -> retryStep.run(n, c) })
        helper.registerAllowedMethod('retry', [Map, Closure], { Map m, Closure c -> retryStep.run(m, c) })
        helper.registerAllowedMethod('parallel', [Map], { Map m -> parallelStep.run(m) })
        helper.registerAllowedMethod('node', [Closure], { Closure c -> node(null, c) })
        helper.registerAllowedMethod('node', [String, Closure], { String label, Closure c -> node(label, c) })
    }

    /** Registers a step mock after setUp, interruptible like the others. */
    void registerStep(String name, List<Class> types, Closure step) {
        helper.registerAllowedMethod(name, types, new InterruptibleStep(step, bodies))
    }

    private void makeStepsInterruptible() {
        Map<Object, Closure> callbacks = helper.allowedMethodCallbacks
        callbacks.entrySet().each { Map.Entry<Object, Closure> e ->
            if (e.value != null && !(e.value instanceof InterruptibleStep)) {
                e.value = new InterruptibleStep(e.value, bodies)
            }
        }
    }

    // ---- the build ------------------------------------------------------------------------------------------------

    /** Makes the build result worse, never better (as Jenkins does). */
    void setResult(String result) {
        build.setResult(result)
    }

    String getBuildResult() {
        return build.currentResult
    }

    /** The previous completed build ended with {@code result} (null: this is the first build). */
    void setPreviousBuildResult(String result) {
        build.previousBuild = result == null ? null : new CurrentBuild(0, result)
    }

    Map<String, String> getEnv() {
        return binding.getVariable('env') as Map<String, String>
    }

    Map<String, Object> getParams() {
        return binding.getVariable('params') as Map<String, Object>
    }

    String getConsole() {
        return shell.console.toString()
    }

    void log(String line) {
        shell.log(line)
    }

    /** Runs a Jenkinsfile of the project (path relative to the project root). */
    Object runJenkinsfile(String path) {
        return runBuild(new File(ROOT, path).path)
    }

    /** Runs an inline Jenkinsfile: written to a file, since the script engine loads scripts from files. */
    Object runPipeline(String text) {
        File f = new File(scripts, "${getClass().simpleName}_${mode}_${++scriptCounter}.jenkins")
        f.text = text
        return runBuild(f.path)
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

    /** The build: the script runs in a body of its own (the abort button cancels it); what ends it sets its result. */
    private Object runBuild(String path) {
        buildBody = bodies.open('build')
        try {
            Object result = runScript(path)
            FlowInterruptedException unseen = bodies.close(buildBody)
            if (unseen != null) {
                throw unseen
            }
            return result
        } catch (Throwable t) {
            setResult(Results.of(t))
            throw t
        } finally {
            bodies.close(buildBody)
        }
    }

    /** Aborts the build (as the abort button does) once {@code condition} holds, checked in the background. */
    void abortWhen(String user, Closure<Boolean> condition) {
        Thread t = new Thread({
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5)
            while (System.nanoTime() < deadline) {
                try {
                    if (condition.call()) {
                        abort(user)
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

    /** The abort button: the whole flow is ABORTED, and its running body is cancelled. */
    void abort(String user) {
        log("Aborted by ${user}")
        build.executionResult = 'ABORTED'
        bodies.cancel(buildBody, new FlowInterruptedException('ABORTED', CauseOfInterruption.userInterruption(user)))
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

    /**
     * Credentials of each kind: a file 'kc' (apiVersion: v1), secret text 'token' (s3cr3t), username with password
     * 'repo' (deployer, pw).
     */
    void addCredentialsOfEachKind() {
        File kubeconfig = temporary.newFile('kubeconfig-credential')
        kubeconfig.text = 'apiVersion: v1'
        credentials['kc'] = kubeconfig
        credentials.secretTexts.token = 's3cr3t'
        credentials.usernamePasswords.repo = ['deployer', 'pw']
    }

    /** Shell that counts an attempt in {@code file}; {@code $n} is then the number of attempts before this one. */
    static String countAttempt(String file = 'attempts') {
        return "n=\$(cat ${file} 2>/dev/null || echo 0); echo \$((n + 1)) > ${file}"
    }

    /** Adds an agent (a node) with labels and a workspace of its own. */
    Agents.Agent addAgent(String name, List<String> labels) {
        return agents.add(name, labels, temporary.newFolder("workspace-${name}"))
    }

    // ---- stages and agents ------------------------------------------------------------------------------------------

    /** The stage the flow is in, or null. */
    StageRecord getCurrentStage() {
        return openStages.isEmpty() ? null : openStages.last()
    }

    /** The record of the stage named {@code name} (the last one of that name). */
    StageRecord stageNamed(String name) {
        StageRecord record = stages.reverse().find { it.name == name }
        assert record != null: "no stage ${name}; stages: ${stages}"
        return record
    }

    /**
     * unstable, catchError(stageResult:), warnError: the stages the flow is in get the result (Declarative's post
     * sees the worst warning inside a stage's block, nested stages included).
     */
    void stageWarning(String result) {
        openStages.each { it.warn(result) }
    }

    /** A stage (scripted, or Declarative's): its body runs with the stage open, its results and agent recorded. */
    Object inStage(String name, Closure body) {
        StageRecord record = new StageRecord(name, currentStage?.name)
        stages << record
        log("[Pipeline] { (${name})")
        return Stacks.with(openStages, record) {
            try {
                return body.call()
            } catch (Throwable t) {
                record.failed(t)
                throw t
            }
        }
    }

    /** {@code node(label) { }}: the body runs on an agent, in its workspace, with NODE_NAME, NODE_LABELS, WORKSPACE. */
    Object node(String label, Closure body) {
        Agents.Agent agent = agents.select(label)
        log("Running on ${agent.name} in ${agent.workspace}")
        if (currentStage != null) {
            currentStage.agent = agent.name
        }
        return agents.on(agent) {
            inDirectory(agent.workspace) {
                withEnvironment(["NODE_NAME=${agent.name}", "NODE_LABELS=${agent.labels.join(' ')}",
                        "WORKSPACE=${agent.workspace.path}"]) { helper.callClosure(body) }
            }
        }
    }

    // ---- step implementations ---------------------------------------------------------------------------------------

    /** The current directory: the node's workspace, or a dir() in it. Outside any node there is none. */
    File currentDir() {
        if (directories.isEmpty()) {
            throw new MissingContextVariableException('hudson.FilePath')
        }
        return directories.last()
    }

    File currentWorkspace() {
        currentDir()
        return agents.on.workspace
    }

    Object inDirectory(File dir, Closure body) {
        return Stacks.with(directories, dir, body)
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
    Object withEnvironment(List vars, Closure body) {
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
            return body.call()
        } finally {
            env.clear()
            env.putAll(saved)
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
}
