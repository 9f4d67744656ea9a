package io.kanisterhooks.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What this machine says about a process and its users. */
final class ProcessFacts {
    private ProcessFacts() {}

    /** The real user id of a running process (/proc/PID/status). */
    static long uid(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(l -> l.startsWith("Uid:")).map(l -> Long.parseLong(l.split("\\s+")[1])).findFirst()
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id of a user of this machine's /etc/passwd. */
    static long userId(String name) {
        try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
            return lines.map(l -> l.split(":")).filter(f -> f[0].equals(name)).map(f -> Long.parseLong(f[2]))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no user " + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
