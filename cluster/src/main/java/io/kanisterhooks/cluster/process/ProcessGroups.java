package io.kanisterhooks.cluster.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts processes as leaders of their own session and process group (through util-linux {@code setsid}, which execs in
 * place when its caller is no group leader, so the Java pid is the group id) and signals whole groups. Killing the
 * group also ends what a container's shell started in the background, as the end of a real container's PID namespace
 * would.
 */
public final class ProcessGroups {
    /**
     * Environment variable set on every process a cluster starts; {@code bin/local-cluster stop} uses it as a last
     * resort.
     */
    public static final String OWNER_ENV = "KANISTER_HOOKS_CLUSTER_OWNER";

    private static final String SETSID = Files.isExecutable(Path.of("/usr/bin/setsid")) ? "/usr/bin/setsid" : "setsid";

    private ProcessGroups() {}

    /**
     * The command line that runs {@code command} as a new session; {@code command[0]} is looked up in the child's PATH.
     */
    public static List<String> inNewSession(List<String> command) {
        List<String> line = new ArrayList<>(command.size() + 1);
        line.add(SETSID);
        line.addAll(command);
        return line;
    }

    /** Sends {@code signal} (e.g. TERM, KILL) to every process of the group; a group that is already gone is fine. */
    public static void signal(long groupId, String signal) {
        if (groupId > 1) {
            kill(signal, "-" + groupId);
        }
    }

    /** Sends {@code signal} to one process only; a process that is already gone is fine. */
    public static void signalProcess(long pid, String signal) {
        if (pid > 1) {
            kill(signal, Long.toString(pid));
        }
    }

    private static void kill(String signal, String target) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, "--", target)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True while any process of the group exists (signal 0 probes without signalling). */
    public static boolean isAlive(long groupId) {
        try {
            Process probe = new ProcessBuilder("kill", "-0", "--", "-" + groupId)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return probe.waitFor() == 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
