package io.kanisterhooks.bench.startup;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;

/**
 * Start-up cost of the CLI against a JVM that prints "hello" (the anchor, compiled here, run with the same JDK), in
 * alternating rounds: {@code --version}, {@code validate} of the K10 page's post-export blueprint, and with a cluster
 * ({@code --cluster-dir}) {@code hooks pre} + {@code hooks post} with one KubeTask {@code true} hook each against the
 * hook's own time (its phase in the run's JSON report: from before the pod is created until it is deleted). Wall time
 * from here; CPU time (user + system) of the child from this process' {@code cutime + cstime} in {@code /proc}, which
 * grow by exactly the child's times once it is reaped (the launcher execs Java, so the child is the JVM). Every
 * invocation is printed; the summary is the median of each round's ratio.
 */
public final class StartupBench {

    private static final String HOME = "startup-bench";
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, fixed at 100 on Linux

    private final Path root;
    private final Path work;
    private final String java;
    private final Map<String, List<double[]>> samples = new LinkedHashMap<>();

    private StartupBench(Path root, Path work) {
        this.root = root;
        this.work = work;
        String javaHome = System.getenv("JAVA_HOME");
        this.java = javaHome == null || javaHome.isEmpty() ? "java" : javaHome + "/bin/java";
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("slf4j.internal.verbosity", "ERROR"); // client-java logs through SLF4J, without a binding
        Path root = Path.of(option(args, "--root", ".")).toAbsolutePath().normalize();
        Path work = Files.createDirectories(Path.of(option(args, "--work", "target/bench-startup")).toAbsolutePath());
        int rounds = Integer.parseInt(option(args, "--rounds", "7"));
        String clusterDir = option(args, "--cluster-dir", null);
        String classList = option(args, "--classlist", null);
        new StartupBench(root, work).run(rounds, clusterDir == null ? null : Path.of(clusterDir),
                classList == null ? null : Path.of(classList));
    }

    private void run(int rounds, Path clusterDir, Path classList) throws Exception {
        Path hello = compileHello();
        List<String> anchor = List.of(java, "-cp", hello.toString(), "Hello");
        String launcher = root.resolve("bin/kanister-hooks").toString();
        String blueprint = root.resolve("jenkinsfile-examples/blueprints/k10-post-export-hook.yaml").toString();
        Path kubeconfig = clusterDir == null ? null : clusterDir.resolve("kubeconfig");
        Path hooks = kubeconfig == null ? null : prepareCluster(kubeconfig);
        System.out.printf("java: %s; CLI: %s; JVM options: %s%n", Runtime.version(), launcher,
                System.getenv().getOrDefault("KANISTER_HOOKS_JAVA_OPTS", "the launcher's"));
        System.out.println("| round | command | wall | CPU (user+sys) | wall / hello | CPU / hello | hook's own time "
                + "| wall / hook |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        if (classList != null && hooks != null) {
            writeClassList(launcher, kubeconfig, hooks, classList);
        }
        for (int round = 1; round <= rounds; round++) {
            Timed h = time(anchor);
            record(round, "java -cp . Hello", h, h, null);
            record(round, "kanister-hooks --version", time(List.of(launcher, "--version")), h, null);
            record(round, "kanister-hooks validate", time(List.of(launcher, "validate", "--hooks", blueprint)),
                    h, null);
            if (hooks != null) {
                Path reports = work.resolve("round-" + round);
                Timed p = time(hooksPre(launcher, kubeconfig, hooks, reports), Map.of());
                record(round, "kanister-hooks hooks pre", p, h, phaseMillis(reports.resolve("pre"), "preHook"));
                record(round, "kanister-hooks hooks post", time(hooksPost(launcher, kubeconfig, p, reports),
                        Map.of()), h, phaseMillis(reports.resolve("post"), "always"));
            }
        }
        summarize();
    }

    private static List<String> hooksPre(String launcher, Path kubeconfig, Path hooks, Path reports) {
        return List.of(launcher, "hooks", "pre", "--pre-hook", "startup/pre", "--always", "startup/post",
                "--report-dir", reports.resolve("pre").toString(), "--kubeconfig", kubeconfig.toString(),
                "--blueprint", hooks.toString(), "--blueprint-namespace", HOME, "--home-namespace", HOME, "-n", HOME);
    }

    private static List<String> hooksPost(String launcher, Path kubeconfig, Timed pre, Path reports) {
        return List.of(launcher, "hooks", "post", "--outcome", "success",
                "--run", JsonParser.parseString(pre.stdout).getAsJsonObject().get("runId").getAsString(),
                "--report-dir", reports.resolve("post").toString(), "--kubeconfig", kubeconfig.toString(),
                "--home-namespace", HOME);
    }

    /**
     * {@code engine/src/build/hooks-classes.txt}: the classes a {@code hooks pre} and {@code hooks post} on a cluster
     * load, which the build's training runs (no cluster) cannot reach; the build adds them to its archive.
     */
    private void writeClassList(String launcher, Path kubeconfig, Path hooks, Path target) throws Exception {
        Path reports = Files.createDirectories(work.resolve("classlist")); // the JVM writes no list into a missing one
        Path pre = reports.resolve("pre.classlist");
        Path post = reports.resolve("post.classlist");
        String opts = "-XX:+UseSerialGC -Xshare:auto -XX:TieredStopAtLevel=1 -XX:DumpLoadedClassList=";
        Timed p = time(hooksPre(launcher, kubeconfig, hooks, reports), Map.of("KANISTER_HOOKS_JAVA_OPTS", opts + pre));
        time(hooksPost(launcher, kubeconfig, p, reports), Map.of("KANISTER_HOOKS_JAVA_OPTS", opts + post));
        // The class names, sorted; then the JVM's "@lambda-proxy" and "@lambda-form-invoker" lines, in the order
        // they were recorded: with them the archive also holds the lambda classes these runs spun and the method
        // handle forms they generated, which otherwise each start makes again (≈ 0.1 s of a hooks pre). They come
        // after every class name, because the dump resolves a lambda in a class it has loaded already; a line whose
        // class or call site no longer exists is skipped by the dump.
        TreeSet<String> classes = new TreeSet<>();
        LinkedHashSet<String> linkage = new LinkedHashSet<>();
        for (Path list : List.of(pre, post)) {
            for (String line : Files.readAllLines(list)) {
                if (line.startsWith("@lambda-proxy ") || line.startsWith("@lambda-form-invoker ")) {
                    linkage.add(line);
                } else if (!line.isEmpty() && !line.startsWith("#") && !line.startsWith("@")) {
                    classes.add(line);
                }
            }
        }
        List<String> lines = new ArrayList<>(classes);
        lines.addAll(linkage);
        Files.write(target, lines);
        System.out.printf("%s: %d classes, %d lambda and method-handle lines%n", target, classes.size(),
                linkage.size());
    }

    /** One child process: its wall time, CPU time, stdout; fails the harness when it fails. */
    private Timed time(List<String> command) throws IOException, InterruptedException {
        return time(command, Map.of());
    }

    private Timed time(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "stdout", ".txt");
        Path err = Files.createTempFile(work, "stderr", ".txt");
        long ticksBefore = childTicks();
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        int exit = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (childTicks() - ticksBefore) / TICKS_PER_SECOND;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ":\n"
                    + Files.readString(err));
        }
        String stdout = Files.readString(out);
        Files.delete(out);
        Files.delete(err);
        return new Timed(wall, cpu, stdout);
    }

    /** cutime + cstime of this process: the CPU time of its reaped children, in clock ticks. */
    private static long childTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14]); // fields 16 and 17 of proc(5)
    }

    private void record(int round, String what, Timed t, Timed hello, Double hookMillis) {
        double hook = hookMillis == null ? Double.NaN : hookMillis / 1000.0;
        double[] ratios = {t.wall / hello.wall, t.cpu / hello.cpu, t.wall / hook};
        samples.computeIfAbsent(what, k -> new ArrayList<>()).add(new double[] {t.wall, t.cpu, ratios[0], ratios[1],
            hook, ratios[2]});
        System.out.printf("| %d | %s | %.2f s | %.2f s | %.1f× | %.1f× | %s | %s |%n", round, what, t.wall, t.cpu,
                ratios[0], ratios[1], hookMillis == null ? "" : String.format("%.2f s", hook),
                hookMillis == null ? "" : String.format("%.2f×", ratios[2]));
    }

    private void summarize() {
        System.out.println();
        System.out.println("| median of the rounds | wall | CPU | wall / hello | CPU / hello | hook's own time "
                + "| wall / hook |");
        System.out.println("|---|---|---|---|---|---|---|");
        samples.forEach((what, rows) -> {
            double[] m = new double[6];
            for (int i = 0; i < m.length; i++) {
                int column = i;
                List<Double> sorted = rows.stream().map(r -> r[column]).sorted().toList();
                m[i] = sorted.get(sorted.size() / 2);
            }
            System.out.printf("| %s | %.2f s | %.2f s | %.1f× | %.1f× | %s | %s |%n", what, m[0], m[1], m[2], m[3],
                    Double.isNaN(m[4]) ? "" : String.format("%.2f s", m[4]),
                    Double.isNaN(m[5]) ? "" : String.format("%.2f×", m[5]));
        });
    }

    private Path compileHello() throws IOException {
        Path dir = Files.createDirectories(work.resolve("hello"));
        Path source = Files.writeString(dir.resolve("Hello.java"),
                "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }\n");
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), source.toString()) != 0) {
            throw new IllegalStateException("javac Hello.java failed");
        }
        return dir;
    }

    /** The home namespace (hook pods and run state live there) and a blueprint with the two hooks. */
    private Path prepareCluster(Path kubeconfig) throws Exception {
        CoreV1Api core = new CoreV1Api(Config.fromConfig(kubeconfig.toString()));
        try {
            core.createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(HOME))).execute();
        } catch (ApiException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
        // pods can be created once the namespace's default service account has its token
        for (int i = 0; i < 300; i++) {
            try {
                if (core.readNamespacedServiceAccount("default", HOME).execute().getSecrets() != null) {
                    break;
                }
            } catch (ApiException e) {
                if (e.getCode() != 404) {
                    throw e;
                }
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        StringBuilder bp = new StringBuilder("apiVersion: cr.kanister.io/v1alpha1\nkind: Blueprint\n"
                + "metadata:\n  name: startup\nactions:\n");
        for (String action : List.of("pre", "post")) {
            bp.append("  ").append(action).append(":\n    phases:\n    - func: KubeTask\n      name: ").append(action)
                    .append("\n      args:\n        image: busybox\n        command: [\"true\"]\n");
        }
        return Files.writeString(work.resolve("startup-blueprint.yaml"), bp.toString());
    }

    /** The duration of the one phase of {@code slot}'s first attempt in the run's JSON report. */
    private static double phaseMillis(Path reportDir, String slot) throws IOException {
        JsonObject report = JsonParser.parseString(Files.readString(reportDir.resolve("kanister-hooks-result.json")))
                .getAsJsonObject();
        for (Map.Entry<String, JsonElement> ns : report.getAsJsonObject("namespaces").entrySet()) {
            JsonObject s = ns.getValue().getAsJsonObject().getAsJsonObject(slot);
            if (s != null) {
                return s.getAsJsonArray("attemptDetails").get(0).getAsJsonObject().getAsJsonArray("phases").get(0)
                        .getAsJsonObject().get("durationMs").getAsDouble();
            }
        }
        throw new IllegalStateException("no " + slot + " in " + reportDir);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private record Timed(double wall, double cpu, String stdout) {
    }
}
