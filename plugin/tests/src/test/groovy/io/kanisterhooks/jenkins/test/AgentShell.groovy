package io.kanisterhooks.jenkins.test

import hudson.AbortException
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException

import java.nio.charset.StandardCharsets
import java.util.concurrent.TimeUnit

/**
 * The {@code sh} step of the tests: it really runs its script, as Jenkins' durable task does ({@code bash -xe} on a
 * script file, in the current directory, with the build's environment and a JENKINS_SERVER_COOKIE of its own), so
 * the library drives the real CLI. When its body is interrupted (see {@link RunningBodies}) it acts as
 * DurableTaskStep and durable-task do:
 * <ul>
 * <li>stopped: "Sending interrupt signal to process"; every process of the script's tree, and every process that
 * carries the script's cookie (ProcessTree.killAll), gets SIGTERM, children first; the step waits for the script to
 * end and then fails with the interruption (also with returnStatus). A script still running after
 * {@link #stopTimeoutMillis} (DurableTaskStep.REMOTE_TIMEOUT, 20 s) is left behind: "After 20s process did not stop",
 * and the step fails.</li>
 * <li>killed (a timeout's forced termination): the step fails at once; the stand-in kills the processes (SIGKILL),
 * so that nothing outlives the test.</li>
 * </ul>
 */
class AgentShell {
    static final String COOKIE = 'JENKINS_SERVER_COOKIE'

    /** Everything the build printed: echo, and the scripts' output (stdout unless returned, and stderr). */
    final StringBuffer console = new StringBuffer()
    /** How long a stopped script may take to end before the step gives up on it (Jenkins: 20 s). */
    long stopTimeoutMillis = 20_000
    private final RunningBodies bodies
    private final List<ShellRun> runs = Collections.synchronizedList([])

    AgentShell(RunningBodies bodies) {
        this.bodies = bodies
    }

    /**
     * Jenkins' {@code sh} semantics: {@code returnStatus} returns the exit code, {@code returnStdout} returns stdout
     * (not trimmed), otherwise a non-zero exit throws AbortException("script returned exit code N").
     */
    Object sh(Map args, File dir, Map<String, String> env) {
        if (args.label) {
            log("[Pipeline] sh (${args.label})")
        }
        ShellRun run = new ShellRun(args, dir, env)
        runs << run
        return bodies.whileWaiting(run) {
            run.start()
            return run.await()
        }
    }

    void log(String line) {
        console.append(line).append('\n')
        System.out.println(line)
    }

    /** Kills whatever still runs (end of a test). */
    void stop() {
        List<ShellRun> all = new ArrayList<ShellRun>(runs)
        all.each { it.killProcesses() }
    }

    /** One run of a script, from its start to its end or to the end of its step. */
    private class ShellRun implements RunningBodies.WaitingStep {
        private final Map args
        private final File dir
        private final Map<String, String> env
        private final String cookie = 'durable-' + UUID.randomUUID().toString().replace('-', '')
        private final ByteArrayOutputStream stdout = new ByteArrayOutputStream()
        private Process process
        private File file
        private List<Thread> pumps = []
        private FlowInterruptedException stoppedBy
        private long stopDeadline
        private FlowInterruptedException killedBy

        ShellRun(Map args, File dir, Map<String, String> env) {
            this.args = args
            this.dir = dir
            this.env = env
        }

        synchronized void start() {
            if (stoppedBy != null || killedBy != null) {
                return // stopped before it began: the script never runs
            }
            String script = args.script as String
            file = File.createTempFile('script', '.sh', tmpDir(dir))
            file.text = script
            file.setExecutable(true)
            ProcessBuilder builder = new ProcessBuilder(script.startsWith('#!') ? [file.path] :
                    ['bash', '-xe', file.path]).directory(dir)
            builder.environment().clear()
            builder.environment().putAll(env)
            builder.environment().put(COOKIE, cookie)
            process = builder.start()
            process.outputStream.close()
            pumps << pump(process.inputStream, args.returnStdout ? stdout : null)
            pumps << pump(process.errorStream, null)
        }

        synchronized Object await() {
            while (true) {
                if (killedBy != null) {
                    throw killedBy
                }
                if (process == null || !process.alive) {
                    break
                }
                if (stoppedBy != null && System.currentTimeMillis() > stopDeadline) {
                    log("After ${TimeUnit.MILLISECONDS.toSeconds(stopTimeoutMillis)}s process did not stop")
                    throw stoppedBy
                }
                wait(50)
            }
            pumps.each { it.join(TimeUnit.SECONDS.toMillis(10)) }
            file?.delete()
            if (stoppedBy != null) {
                throw stoppedBy
            }
            int status = process.exitValue()
            if (args.returnStatus) {
                return status
            }
            if (status != 0) {
                throw new AbortException("script returned exit code ${status}")
            }
            return args.returnStdout ? new String(stdout.toByteArray(), StandardCharsets.UTF_8) : null
        }

        @Override
        synchronized void stop(FlowInterruptedException cause) {
            if (stoppedBy == null) {
                stoppedBy = cause
                stopDeadline = System.currentTimeMillis() + stopTimeoutMillis
            }
            log('Sending interrupt signal to process')
            if (process != null) {
                processesOfTheScript().each { Processes.terminateRecursively(it) }
            }
            notifyAll()
        }

        @Override
        synchronized void kill(FlowInterruptedException cause) {
            killedBy = cause
            killProcesses()
            notifyAll()
        }

        /** SIGKILL to every process of the script. */
        void killProcesses() {
            if (process != null) {
                Processes.killWithDescendants(processesOfTheScript())
            }
        }

        /** The script's process, and the processes that carry its cookie but left its tree. */
        private List<ProcessHandle> processesOfTheScript() {
            ProcessHandle script = process.toHandle()
            Set<Long> inTree = ([script.pid()] + script.descendants().collect { it.pid() }) as Set<Long>
            return [script] + Processes.carrying(COOKIE + '=' + cookie).findAll { !inTree.contains(it.pid()) }
        }

        private Thread pump(InputStream stream, ByteArrayOutputStream capture) {
            Thread t = new Thread({
                if (capture != null) {
                    capture << stream
                } else {
                    stream.newReader(StandardCharsets.UTF_8.name()).eachLine { String line -> log(line) }
                }
            } as Runnable, 'sh-output')
            t.daemon = true
            t.start()
            return t
        }
    }

    private static File tmpDir(File dir) {
        File tmp = new File(dir.path + '@tmp')
        tmp.mkdirs()
        return tmp
    }
}
