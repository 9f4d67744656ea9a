package io.kanisterhooks.hooks.cluster;

import io.kanisterhooks.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * The real CLI, two ways: in this JVM (fast; hook commands print progress to {@code System.err}, which is captured
 * for the call) or as a process of its own, started the way {@code bin/kanister-hooks} starts it (its own JVM, the
 * same main class, on the classes this build just compiled) — for what needs separate processes or signals.
 */
final class HooksCli {

    private HooksCli() {
    }

    /** Runs the CLI in-process. Serialised: {@code System.err} is the JVM's. */
    static synchronized CliResult inProcess(List<String> args) {
        PrintStream previousErr = System.err;
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        try (PrintStream err = new PrintStream(new Tee(progress, previousErr), true, StandardCharsets.UTF_8)) {
            System.setErr(err);
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args.toArray(String[]::new));
            err.flush();
            return new CliResult(code, out.toString(), progress.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(previousErr);
        }
    }

    /** Starts the CLI as a separate JVM; its output goes to files in {@code dir}. */
    static Running start(Path dir, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        try {
            Files.createDirectories(dir);
            Path out = Files.createTempFile(dir, "cli-", ".out");
            Path err = Files.createTempFile(dir, "cli-", ".err");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            return new Running(p, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the CLI as a separate JVM and waits for it. */
    static CliResult process(Path dir, List<String> args) {
        return start(dir, args).await(Duration.ofMinutes(3));
    }

    /** A CLI process that was started. */
    record Running(Process process, Path out, Path err) {

        long pid() {
            return process.pid();
        }

        /** Sends a signal by name ({@code TERM}, {@code INT}). */
        void signal(String name) {
            try {
                Process kill = new ProcessBuilder("kill", "-s", name, String.valueOf(process.pid())).inheritIO()
                        .start();
                if (kill.waitFor() != 0) {
                    throw new IllegalStateException("kill -s " + name + " " + process.pid() + " failed");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** What it printed so far on stderr. */
        String progress() {
            try {
                return Files.readString(err);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        CliResult await(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("the CLI did not end within " + timeout + "; stderr:\n" + progress());
                }
                return new CliResult(process.exitValue(), Files.readString(out), Files.readString(err));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Copies what is written to both streams (the captured progress also shows in the test's own output). */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
