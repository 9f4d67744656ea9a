package io.kanisterhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The build's class-data-sharing archive step ({@code engine/src/build/cds-archive}) and its use by
 * {@code bin/kanister-hooks}: an archive that matches is used, anything else next to the jar (garbage, an empty or
 * truncated file, another jar's archive, one older than the jar) is ignored without a word. The jar is a stand-in CLI
 * (a class {@code io.kanisterhooks.cli.Main} that prints a line), so the test does not depend on the packaged jar.
 */
class LauncherArchiveTest {

    private static final Path ROOT = Path.of(System.getProperty("kanisterhooks.root", "..")).toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String STAND_IN = "package io.kanisterhooks.cli;\n"
            + "public class Main { public static void main(String[] a) { System.out.println(\"stand-in %s\"); } }\n";

    @TempDir
    static Path shared;

    /** The stand-in jar with the archive the build step made for it. */
    private static Path builtJar;

    @BeforeAll
    static void buildArchive() throws Exception {
        builtJar = standInJar(shared.resolve("built"), "built");
        Result r = run(List.of("bash", ROOT.resolve("engine/src/build/cds-archive").toString(), JAVA,
                builtJar.toString(), ROOT.toString()), List.of());
        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).startsWith("cds-archive: " + archiveOf(builtJar));
    }

    @Test
    void theBuildsArchiveIsWrittenUnderItsFinalNameOnlyAndTheLauncherUsesIt() throws Exception {
        try (var files = Files.list(builtJar.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("kanister-hooks.jar", "kanister-hooks.jsa");
        }
        Result r = launch(builtJar, "-Xlog:class+load");
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("stand-in built")
                .containsPattern("io\\.kanisterhooks\\.cli\\.Main source: shared objects file");
        assertThat(r.err).isEmpty();
    }

    @Test
    void withTheDefaultOptionsTheArchiveIsMappedWhereItWasMadeForNotRelocated() throws Exception {
        Path log = shared.resolve("cds.log");
        Result r = run(List.of(ROOT.resolve("bin/kanister-hooks").toString()), List.of("KANISTER_HOOKS_JAR=" + builtJar,
                "JAVA_HOME=" + System.getProperty("java.home"), "JAVA_TOOL_OPTIONS=-Xlog:cds=info:file=" + log));
        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).isEqualTo("stand-in built\n");
        assertThat(Files.readString(log)).contains("Opened archive " + archiveOf(builtJar))
                .doesNotContain("ArchiveRelocationMode == 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "empty", "truncated", "another jar's", "older than the jar"})
    void anArchiveThatDoesNotMatchIsIgnoredSilently(String kind) throws Exception {
        Path jar = standInJar(shared.resolve(kind.replace(' ', '-').replace("'", "")), "something else");
        Path archive = archiveOf(jar);
        byte[] built = Files.readAllBytes(archiveOf(builtJar));
        switch (kind) {
            case "garbage" -> Files.write(archive, "not an archive\n".repeat(1000).getBytes());
            case "empty" -> Files.write(archive, new byte[0]);
            case "truncated" -> Files.write(archive, Arrays.copyOf(built, built.length / 3));
            default -> Files.write(archive, built);
        }
        FileTime jarTime = Files.getLastModifiedTime(jar);
        Files.setLastModifiedTime(archive, FileTime.fromMillis(jarTime.toMillis()
                + (kind.equals("older than the jar") ? -60_000 : 60_000)));

        Result r = launch(jar, "-Xlog:class+load");
        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).contains("stand-in something else")
                .doesNotContainPattern("io\\.kanisterhooks\\.cli\\.Main source: shared objects file");
        assertThat(r.err).isEmpty();

        Result plain = launch(jar, "-XX:+UseSerialGC");
        assertThat(plain.exit).isZero();
        assertThat(plain.out).isEqualTo("stand-in something else\n");
        assertThat(plain.err).isEmpty();
    }

    private static Path archiveOf(Path jar) {
        return jar.resolveSibling("kanister-hooks.jsa");
    }

    /** A jar whose {@code io.kanisterhooks.cli.Main} prints "stand-in NAME". */
    private static Path standInJar(Path dir, String name) throws IOException {
        Path classes = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-classes"));
        Path source = Files.writeString(classes.resolve("Main.java"), STAND_IN.formatted(name));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString())).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.kanisterhooks.cli.Main");
        Path jar = Files.createDirectories(dir).resolve("kanister-hooks.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.putNextEntry(new JarEntry("io/kanisterhooks/cli/Main.class"));
            j.write(Files.readAllBytes(classes.resolve("io/kanisterhooks/cli/Main.class")));
            j.closeEntry();
        }
        return jar;
    }

    private static Result launch(Path jar, String javaOpts) throws Exception {
        return run(List.of(ROOT.resolve("bin/kanister-hooks").toString()),
                List.of("KANISTER_HOOKS_JAR=" + jar, "KANISTER_HOOKS_JAVA_OPTS=" + javaOpts,
                        "JAVA_HOME=" + System.getProperty("java.home")));
    }

    private static Result run(List<String> command, List<String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
        pb.environment().remove("KANISTER_HOOKS_CLASSPATH");
        for (String e : env) {
            pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
        }
        Path out = Files.createTempFile(shared, "out", ".txt");
        Path err = Files.createTempFile(shared, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Result(int exit, String out, String err) {
    }
}
