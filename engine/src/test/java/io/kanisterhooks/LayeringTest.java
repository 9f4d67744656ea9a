package io.kanisterhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Packages of the engine point one way, read from the import lines of the main sources:
 *
 * <pre>
 * golang &lt;- secrets, cancel &lt;- template &lt;- jsonpath, params, output, yaml &lt;- render
 *        &lt;- blueprint, conformance &lt;- kube &lt;- functions &lt;- action &lt;- hooks &lt;- cli
 * </pre>
 *
 * <p>A package may import only packages of a lower layer, so there are no cycles. Where this refines the order the
 * README gives ({@code secrets, golang <- template <- jsonpath, render, params, output, yaml <- blueprint <- kube,
 * functions <- action <- hooks <- cli}), the code says so: secrets prints with golang.fmt, so it sits above golang;
 * cancel (cancellation and deadlines, on golang.time) sits beside secrets, below everything that waits; render
 * resolves JSONPath references, so it sits above jsonpath; functions drive kube, so kube is below functions (kube needs
 * nothing above secrets and cancel). conformance runs corpus cases through template, render, jsonpath and params, and
 * only the CLI uses it.
 *
 * <p>Inside golang the ports build on each other as Go's packages do, with errors (Go's error and panics) at the
 * bottom; template imports nothing but golang (it is text/template and sprig; secrets is below it so that it can
 * mask secret values in its errors).
 */
class LayeringTest {

    private static final Path MAIN = Path.of("src/main/java/io/kanisterhooks");
    private static final Pattern PACKAGE = Pattern.compile(
            "^package io\\.kanisterhooks\\.([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile(
            "^import (?:static )?io\\.kanisterhooks\\.([a-z]\\w*(?:\\.[a-z]\\w*)*)\\.", Pattern.MULTILINE);

    private static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("golang", 0),
            Map.entry("secrets", 1), Map.entry("cancel", 1),
            Map.entry("template", 2),
            Map.entry("jsonpath", 3), Map.entry("params", 3), Map.entry("output", 3), Map.entry("yaml", 3),
            Map.entry("render", 4),
            Map.entry("blueprint", 5), Map.entry("conformance", 5),
            Map.entry("kube", 6),
            Map.entry("functions", 7),
            Map.entry("action", 8),
            Map.entry("hooks", 9),
            Map.entry("cli", 10));

    private static final Map<String, Integer> GOLANG_LAYERS = Map.ofEntries(
            Map.entry("errors", 0), Map.entry("path", 0), Map.entry("math", 0), Map.entry("sort", 0),
            Map.entry("strings", 1), Map.entry("encoding", 1),
            Map.entry("strconv", 2),
            Map.entry("value", 3), Map.entry("net", 3), Map.entry("regexp", 3),
            Map.entry("fmt", 4), Map.entry("time", 4),
            Map.entry("json", 5));

    /** One import line: the importing file's package and the imported package (below io.kanisterhooks). */
    record Edge(String file, String from, String to) {
        String fromTop() {
            return first(from);
        }

        String toTop() {
            return first(to);
        }

        @Override
        public String toString() {
            return file + ": " + from + " -> " + to;
        }
    }

    @Test
    void everyPackageHasALayer() {
        Set<String> packages = new TreeSet<>();
        Set<String> golang = new TreeSet<>();
        for (Edge e : edges()) {
            packages.add(e.fromTop());
            packages.add(e.toTop());
            if (e.from().startsWith("golang.")) {
                golang.add(e.from().substring("golang.".length()));
            }
        }
        assertThat(LAYERS.keySet()).containsAll(packages);
        assertThat(GOLANG_LAYERS.keySet()).containsAll(golang);
    }

    @Test
    void importsPointDown() {
        List<Edge> upward = new ArrayList<>();
        for (Edge e : edges()) {
            if (!e.fromTop().equals(e.toTop()) && layer(LAYERS, e.toTop()) >= layer(LAYERS, e.fromTop())) {
                upward.add(e);
            }
        }
        assertThat(upward).isEmpty();
    }

    @Test
    void golangPortsBuildOnEachOtherAsGosPackagesDo() {
        List<Edge> wrong = new ArrayList<>();
        for (Edge e : edges()) {
            if (!e.fromTop().equals("golang") || e.from().equals(e.to())) {
                continue;
            }
            if (!e.toTop().equals("golang")) {
                wrong.add(e);
            } else if (layer(GOLANG_LAYERS, sub(e.to())) >= layer(GOLANG_LAYERS, sub(e.from()))) {
                wrong.add(e);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void templateImportsNothingButTheGoRuntime() {
        assertThat(edges().stream().filter(e -> e.fromTop().equals("template"))
                .filter(e -> !e.toTop().equals("template") && !e.toTop().equals("golang"))).isEmpty();
    }

    @Test
    void onlyTheCliUsesConformanceAndNothingUsesTheCli() {
        assertThat(edges().stream().filter(e -> e.toTop().equals("conformance"))
                .filter(e -> !e.fromTop().equals("cli") && !e.fromTop().equals("conformance"))).isEmpty();
        assertThat(edges().stream().filter(e -> e.toTop().equals("cli")).filter(e -> !e.fromTop().equals("cli")))
                .isEmpty();
    }

    @Test
    void everyGoPortSaysWhichGoPackageItPorts() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN.resolve("golang"))) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path info = dir.resolve("package-info.java");
                assertThat(info).as(dir.toString()).exists();
                assertThat(Files.readString(info)).as(info.toString()).contains("Go's {@code");
            }
        }
    }

    private static int layer(Map<String, Integer> layers, String pkg) {
        Integer layer = layers.get(pkg);
        assertThat(layer).as("layer of package " + pkg).isNotNull();
        return layer;
    }

    /** The first segment of a package name below io.kanisterhooks (or below io.kanisterhooks.golang). */
    private static String first(String pkg) {
        int dot = pkg.indexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }

    private static String sub(String golangPackage) {
        return first(golangPackage.substring("golang.".length()));
    }

    private static List<Edge> edges() {
        List<Edge> edges = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find()) {
                    continue;
                }
                Matcher imports = IMPORT.matcher(text);
                while (imports.find()) {
                    edges.add(new Edge(MAIN.relativize(file).toString(), pkg.group(1), imports.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(edges).isNotEmpty();
        return edges;
    }
}
