package io.kanisterhooks.cluster.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One long-running server of the control plane (etcd, kube-apiserver, ...), its output appended to its own log file.
 */
public final class ServerProcess implements AutoCloseable {
    private final String name;
    private final ProcessBuilder builder;
    private final Path logFile;
    private final Process process;

    private ServerProcess(String name, ProcessBuilder builder, Path logFile, Process process) {
        this.name = name;
        this.builder = builder;
        this.logFile = logFile;
        this.process = process;
    }

    public static ServerProcess start(String name, List<String> command, Path workDir, Path logFile,
            Map<String, String> env)
            throws IOException {
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        return new ServerProcess(name, builder, logFile, builder.start());
    }

    /**
     * Kills the process without warning (SIGKILL, as a crash would end it) and starts it again with the same command,
     * environment and log file; returns the new process.
     */
    public ServerProcess restart() throws IOException, InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") did not end after SIGKILL");
        }
        return new ServerProcess(name, builder, logFile, builder.start());
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Fails with the log location if the process has already exited. */
    public void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + logFile);
        }
    }

    /** SIGTERM, then SIGKILL if it has not ended after a few seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
