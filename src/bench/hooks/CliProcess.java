package io.kanisterhooks.bench.hooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code bin/kanister-hooks} process (the launcher execs Java, so its pid is the JVM's): output to files, its peak
 * resident set size sampled from {@code /proc} while it runs, signals by name.
 */
final class CliProcess {

    private final Process process;
    private final Path out;
    private final Path err;
    private final long started = System.nanoTime();
    private final long childCpuBefore;
    private long cpuMillis = -1;
    private final Thread sampler;
    private volatile long peakRssKb;

    private CliProcess(Process process, Path out, Path err, long childCpuBefore) {
        this.process = process;
        this.childCpuBefore = childCpuBefore;
        this.out = out;
        this.err = err;
        this.sampler = new Thread(this::sample, "rss-sampler");
        this.sampler.setDaemon(true);
        this.sampler.start();
    }

    /**
     * @param javaOpts replaces the launcher's JVM options ({@code KANISTER_HOOKS_JAVA_OPTS}); null keeps them
     */
    static CliProcess start(Path root, Path workDir, String javaOpts, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/kanister-hooks").toString()));
        command.addAll(args);
        Files.createDirectories(workDir);
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        if (javaOpts != null) {
            pb.environment().put("KANISTER_HOOKS_JAVA_OPTS", javaOpts);
        }
        long childCpuBefore = ProcessCpu.reapedChildrenMillis();
        return new CliProcess(pb.start(), out, err, childCpuBefore);
    }

    private void sample() {
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        while (process.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peakRssKb = Math.max(peakRssKb, Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
                Thread.sleep(50);
            } catch (IOException | NumberFormatException e) {
                return; // the process has ended
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** Sends a signal by name; false when the process had already ended. */
    boolean signal(String name) throws IOException, InterruptedException {
        if (!process.isAlive()) {
            return false;
        }
        return new ProcessBuilder("kill", "-s", name, String.valueOf(process.pid()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    }

    int await(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("kanister-hooks did not end within " + timeoutSeconds + " s; see " + err);
        }
        sampler.join(1000);
        try {
            cpuMillis = ProcessCpu.reapedChildrenMillis() - childCpuBefore;
        } catch (IOException e) {
            cpuMillis = -1;
        }
        return process.exitValue();
    }

    /**
     * User + system CPU of the process (JVM and launcher) once {@link #await} returned, in milliseconds; exact only
     * when no other child of this process ended meanwhile (the harnesses run one CLI process at a time).
     */
    long cpuMillis() {
        return cpuMillis;
    }

    long peakRssKb() {
        return peakRssKb;
    }

    String stdout() throws IOException {
        return Files.readString(out);
    }

    String stderr() throws IOException {
        return Files.readString(err);
    }
}
