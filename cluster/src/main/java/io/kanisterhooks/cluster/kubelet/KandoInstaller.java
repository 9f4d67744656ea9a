package io.kanisterhooks.cluster.kubelet;

import io.kanisterhooks.cluster.kando.Kando;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes the {@code kando} launcher that simulated pods find first on their PATH. */
final class KandoInstaller {
    private KandoInstaller() {}

    static void install(Path binDir) throws IOException {
        Files.createDirectories(binDir);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path classes;
        try {
            classes = Path.of(Kando.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
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

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
