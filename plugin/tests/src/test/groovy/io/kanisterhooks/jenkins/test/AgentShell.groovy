package io.kanisterhooks.jenkins.test

import hudson.AbortException
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException

import java.nio.charset.StandardCharsets
import java.util.concurrent.TimeUnit

/**
 * The agent of the tests: {@code sh} really runs its script, as Jenkins' durable task does ({@code bash -xe} on a
 * script file, in the current directory, with the build's environment), so the library drives the real CLI.
 * An abort (user, timeout) is delivered the way Jenkins delivers it: the process tree of the running script gets
 * SIGTERM, and the step then throws FlowInterruptedException.
 */
class AgentShell {
    /** Everything the build printed: echo, and the scripts' output (stdout unless returned, and stderr). */
    final StringBuffer console = new StringBuffer()
    private final Object lock = new Object()
    private Process running
    private String pendingInterruption

    /**
     * Jenkins' {@code sh} semantics: {@code returnStatus} returns the exit code, {@code returnStdout} returns stdout
     * (not trimmed), otherwise a non-zero exit throws AbortException("script returned exit code N").
     */
    Object sh(Map args, File dir, Map<String, String> env) {
        String script = args.script as String
        boolean returnStatus = args.returnStatus as boolean
        boolean returnStdout = args.returnStdout as boolean
        throwIfInterrupted()
        File file = File.createTempFile('script', '.sh', tmpDir(dir))
        file.text = script
        ProcessBuilder builder = new ProcessBuilder(script.startsWith('#!') ? [file.path] : ['bash', '-xe', file.path])
                .directory(dir)
        file.setExecutable(true)
        builder.environment().clear()
        builder.environment().putAll(env)
        if (args.label) {
            log("[Pipeline] sh (${args.label})")
        }
        Process p
        synchronized (lock) {
            p = builder.start()
            running = p
        }
        p.outputStream.close()
        ByteArrayOutputStream stdout = new ByteArrayOutputStream()
        Thread out = pump(p.inputStream, returnStdout ? stdout : null)
        Thread err = pump(p.errorStream, null)
        int status = p.waitFor()
        out.join()
        err.join()
        file.delete()
        String interruption
        synchronized (lock) {
            running = null
            interruption = pendingInterruption
            pendingInterruption = null
        }
        if (interruption != null) {
            throw new FlowInterruptedException('ABORTED', interruption)
        }
        if (returnStatus) {
            return status
        }
        if (status != 0) {
            throw new AbortException("script returned exit code ${status}")
        }
        return returnStdout ? new String(stdout.toByteArray(), StandardCharsets.UTF_8) : null
    }

    /**
     * Aborts the build as Jenkins does: the running script's process tree gets SIGTERM (the CLI then cleans up, and
     * the script is waited for), and the step throws FlowInterruptedException. Without a running script, the next
     * step throws.
     */
    void interrupt(String cause) {
        synchronized (lock) {
            pendingInterruption = cause
            if (running != null) {
                log("Aborted: ${cause}")
                running.toHandle().descendants().each { it.destroy() }
                running.destroy()
            }
        }
    }

    /** A timeout that ended without firing takes its pending interruption back. */
    void cancelInterruption(String cause) {
        synchronized (lock) {
            if (pendingInterruption == cause) {
                pendingInterruption = null
            }
        }
    }

    boolean isRunning() {
        synchronized (lock) {
            return running != null
        }
    }

    void log(String line) {
        console.append(line).append('\n')
        System.out.println(line)
    }

    /** Kills whatever still runs (end of a test). */
    void stop() {
        synchronized (lock) {
            if (running != null) {
                running.toHandle().descendants().each { it.destroyForcibly() }
                running.destroyForcibly()
                running.waitFor(10, TimeUnit.SECONDS)
            }
        }
    }

    private void throwIfInterrupted() {
        synchronized (lock) {
            if (pendingInterruption != null) {
                String cause = pendingInterruption
                pendingInterruption = null
                throw new FlowInterruptedException('ABORTED', cause)
            }
        }
    }

    private static File tmpDir(File dir) {
        File tmp = new File(dir.path + '@tmp')
        tmp.mkdirs()
        return tmp
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
