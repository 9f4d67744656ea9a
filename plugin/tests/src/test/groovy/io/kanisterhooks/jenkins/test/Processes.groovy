package io.kanisterhooks.jenkins.test

import java.lang.reflect.Method

/**
 * The agent's processes, as Jenkins' ProcessTree sees them: by tree, and by an environment variable they carry (the
 * durable task's cookie, inherited by every process a script starts, also by those that left its tree).
 * ProcessHandle's static methods are called reflectively: Groovy 2.4 cannot call static interface methods.
 */
final class Processes {
    private static final Method OF = ProcessHandle.getMethod('of', Long.TYPE)

    private Processes() {
    }

    /** The live process {@code pid}, or null. */
    static ProcessHandle of(long pid) {
        Optional<ProcessHandle> handle = OF.invoke(null, pid) as Optional<ProcessHandle>
        return handle.orElse(null)
    }

    static boolean alive(long pid) {
        ProcessHandle p = of(pid)
        return p != null && p.alive
    }

    /** The processes whose environment has {@code entry} (NAME=value), read from /proc. */
    static List<ProcessHandle> carrying(String entry) {
        List<ProcessHandle> result = []
        new File('/proc').listFiles().findAll { it.name ==~ /[0-9]+/ }.each { File dir ->
            try {
                if (new File(dir, 'environ').getText('ISO-8859-1').split('\u0000').contains(entry)) {
                    ProcessHandle p = of(dir.name as long)
                    if (p != null) {
                        result << p
                    }
                }
            } catch (IOException ignored) {
                // gone, or not ours
            }
        }
        return result
    }

    /** SIGTERM to a process and its descendants, children first (ProcessTree.killRecursively). */
    static void terminateRecursively(ProcessHandle p) {
        p.children().forEach { terminateRecursively(it) }
        p.destroy()
    }

    /** SIGKILL to processes and all their descendants (collected first: a killed parent's children move away). */
    static void killWithDescendants(List<ProcessHandle> processes) {
        List<ProcessHandle> all = []
        processes.each { ProcessHandle p ->
            all.addAll(p.descendants().collect())
            all << p
        }
        all.each { it.destroyForcibly() }
    }
}
