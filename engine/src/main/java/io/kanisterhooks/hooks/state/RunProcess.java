package io.kanisterhooks.hooks.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process working on a run: so that a second process of the same run is refused while the first one lives, and so
 * that {@code runs list} can say who holds a run. {@code buildUrl} is Jenkins' {@code BUILD_URL} when set.
 */
public record RunProcess(String host, long pid, String command, String buildUrl, String since) {

    /** This process. */
    public static RunProcess current(String command, String since) {
        return new RunProcess(hostName(), ProcessHandle.current().pid(), command, System.getenv("BUILD_URL"), since);
    }

    public boolean isThisProcess() {
        return pid == ProcessHandle.current().pid() && hostName().equals(host);
    }

    /** True when the process runs on this host and is gone (a process on another host cannot be checked). */
    public boolean knownDead() {
        return hostName().equals(host) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    /** True when the process runs on this host and is alive. */
    public boolean isAlive() {
        return hostName().equals(host) && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** {@code host (pid N)}, plus the build URL when there is one. */
    public String describe() {
        return host + " (pid " + pid + ")" + (buildUrl == null || buildUrl.isEmpty() ? "" : ", " + buildUrl);
    }

    /** The host's name without a DNS lookup (a slow resolver must not delay every invocation). */
    static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }
}
