package io.kanisterhooks.cluster.kubelet;

import io.kanisterhooks.cluster.kando.Kando;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the {@code kando} launcher that simulated pods find first on their PATH, with a copy of its classes next to
 * it: containers that run as another user cannot read the build's or the Maven repository's directories.
 */
final class KandoInstaller {
    private KandoInstaller() {}

    static void install(Path binDir) throws IOException {
        Path classes = binDir.resolve("kando-classes");
        copyClasses(classes);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // the JVM decodes argv with the locale's charset: UTF-8 keeps non-ASCII values intact
        String script = "#!/bin/sh\n"
                + "LC_ALL=C.UTF-8 exec " + quote(java.toString())
                + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -cp "
                        + quote(classes.toString())
                + " " + Kando.class.getName() + " \"$@\"\n";
        Path kando = binDir.resolve("kando");
        Files.writeString(kando, script);
        Files.setPosixFilePermissions(kando, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The classes of Kando's package, from the class directory or jar this class was loaded from. */
    private static void copyClasses(Path target) throws IOException {
        Path source;
        try {
            source = Path.of(Kando.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        String packagePath = Kando.class.getPackageName().replace('.', '/');
        Path into = target.resolve(packagePath);
        Files.createDirectories(into);
        if (Files.isDirectory(source)) {
            copyClassFiles(source.resolve(packagePath), into);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(source)) {
                copyClassFiles(jar.getPath(packagePath), into);
            }
        }
    }

    private static void copyClassFiles(Path from, Path into) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(from)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".class")).toList();
        }
        for (Path file : files) {
            Files.copy(file, into.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
