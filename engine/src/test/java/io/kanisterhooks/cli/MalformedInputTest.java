package io.kanisterhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise for bad input, case by case: exit 2, the file's position or the option's name in the message,
 * no stack trace, no "internal error", not one connection to the API server, within time and memory bounds. The cases
 * are the table {@code malformed/cases.txt}; see {@link MalformedCases} for its format.
 */
class MalformedInputTest {

    /** Time bound of one case, JVM start included for subprocess cases. */
    private static final long SECONDS = 20;
    /** Heap of subprocess cases: hostile input must be refused within it. */
    private static final String HEAP = "-Xmx160m";

    @TempDir
    static Path dir;

    private static ServerSocket apiServer;
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "malformed-case");
        t.setDaemon(true);
        return t;
    });
    private static Path kubeconfig;
    private static Path files;

    @BeforeAll
    static void listenerAndFiles() throws IOException {
        apiServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(MalformedInputTest::countConnections, "counting-api-server");
        accept.setDaemon(true);
        accept.start();
        kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: counting
                  cluster: {server: 'https://127.0.0.1:%d', insecure-skip-tls-verify: true}
                users:
                - name: u
                  user: {token: not-a-real-token}
                contexts:
                - name: counting
                  context: {cluster: counting, user: u, namespace: default}
                current-context: counting
                """.formatted(apiServer.getLocalPort()));
        files = MalformedCases.materialize(dir.resolve("files"));
    }

    private static void countConnections() {
        while (!apiServer.isClosed()) {
            try (Socket s = apiServer.accept()) {
                CONNECTIONS.incrementAndGet();
            } catch (IOException e) {
                return;
            }
        }
    }

    @AfterAll
    static void close() throws IOException {
        apiServer.close();
        RUNNER.shutdownNow();
        // files made unreadable must not stop @TempDir from cleaning up
        try (Stream<Path> all = Files.walk(dir)) {
            all.forEach(p -> p.toFile().setReadable(true));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseIsRefusedAsBadInputBeforeTheCluster() throws IOException {
        List<MalformedCases.Case> cases = MalformedCases.load(Map.of("{f}", files.toString(),
                "{kube}", kubeconfig.toString()));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(MalformedCases.Case c) throws Exception {
        int before = CONNECTIONS.get();
        long start = System.nanoTime();
        CliRun r = c.subprocess() ? subprocess(c.args()) : inProcess(c.args());
        long millis = (System.nanoTime() - start) / 1_000_000;
        String all = r.out() + r.err();
        String context = c.name() + "\n--- exit " + r.exitCode() + " after " + millis + " ms, output:\n"
                + abbreviate(all);
        assertThat(r.exitCode()).as(context).isEqualTo(c.exitCode());
        for (String expected : c.expected()) {
            assertThat(all).as(context).contains(expected);
        }
        assertThat(all).as(context).doesNotContain("internal error", "\tat ", "Exception", "Error:", "java.",
                "com.google", "picocli.");
        assertThat(all.lines().count()).as(context).isLessThan(60);
        assertThat(CONNECTIONS.get() - before).as(context + "\n--- connections to the API server").isZero();
        assertThat(millis).as(context).isLessThan(TimeUnit.SECONDS.toMillis(SECONDS));
    }

    private static CliRun inProcess(List<String> args) throws Exception {
        Future<CliRun> run = RUNNER.submit(() -> CliRun.of(args.toArray(String[]::new)));
        try {
            return run.get(SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            return new CliRun(-1, "", "(still running after " + SECONDS + " s)");
        }
    }

    private static CliRun subprocess(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), HEAP, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        builder.environment().remove("KANISTER_HOOKS_DEBUG");
        Process p = builder.start();
        if (!p.waitFor(SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return new CliRun(-1, read(out), read(err) + "\n(still running after " + SECONDS + " s)");
        }
        return new CliRun(p.exitValue(), read(out), read(err));
    }

    private static String read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(200_000), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 4000 ? s.substring(0, 4000) + "\n[... " + (s.length() - 4000) + " more characters]" : s;
    }

    static void makeUnreadable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    }
}
