package io.kanisterhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the build compiles the CLI for a fast start: string concatenation as plain code (the compiler's
 * {@code -XDstringConcat=inline}), not {@code invokedynamic} calls to {@code StringConcatFactory}, which make the JVM
 * generate method-handle classes for each new concatenation shape at every start (README, CLI start-up).
 */
class StartupCompilationTest {

    @Test
    void noCompiledClassConcatenatesStringsThroughInvokedynamic() throws Exception {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes.resolve("io/kanisterhooks/cli/Main.class")).as("the engine's compiled classes").exists();
        List<Path> all;
        try (Stream<Path> files = Files.walk(classes)) {
            all = files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
        }
        List<String> offending = all.stream().filter(StartupCompilationTest::usesStringConcatFactory)
                .map(p -> classes.relativize(p).toString()).collect(Collectors.toList());
        assertThat(all).hasSizeGreaterThan(500);
        assertThat(offending).isEmpty();
    }

    @Test
    void theCheckRecognisesAClassThatDoes(@TempDir Path dir) throws Exception {
        // javac of this JDK without the build's option: the check above must be able to fail
        Path source = Files.writeString(dir.resolve("Concat.java"),
                "class Concat { static String f(String a, int b) { return a + b; } }");
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", dir.toString(), source.toString());
        assertThat(exit).isZero();
        assertThat(usesStringConcatFactory(dir.resolve("Concat.class"))).isTrue();
    }

    private static boolean usesStringConcatFactory(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1)
                    .contains("java/lang/invoke/StringConcatFactory");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
