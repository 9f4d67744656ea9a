package io.kanisterhooks.bench.hooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time (user + system, in milliseconds) from {@code /proc}: what this process's waited-for children used (a CLI
 * process, once reaped), and what a process tree (the local cluster: its supervisor and everything under it) used.
 * Linux counts in clock ticks of 10 ms.
 */
final class ProcessCpu {

    private static final long TICK_MS = 10;

    private ProcessCpu() {
    }

    /** The CPU of every child this process has waited for (cutime + cstime of {@code /proc/self/stat}). */
    static long reapedChildrenMillis() throws IOException {
        List<String> f = fields(Path.of("/proc/self/stat"));
        return f == null ? 0 : (Long.parseLong(f.get(15)) + Long.parseLong(f.get(16))) * TICK_MS;
    }

    /**
     * The CPU used so far by the process {@code root} and its living descendants, including the children they have
     * waited for (a process that ended and was reaped is counted in its parent's).
     */
    static long treeMillis(long root) throws IOException {
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, Long> cpu = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                List<String> f = fields(p.resolve("stat"));
                if (f != null) {
                    long pid = Long.parseLong(p.getFileName().toString());
                    children.computeIfAbsent(Long.parseLong(f.get(3)), k -> new ArrayList<>()).add(pid);
                    cpu.put(pid, f.subList(13, 17).stream().mapToLong(Long::parseLong).sum() * TICK_MS);
                }
            }
        }
        long sum = 0;
        List<Long> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            long pid = todo.remove(todo.size() - 1);
            sum += cpu.getOrDefault(pid, 0L);
            todo.addAll(children.getOrDefault(pid, List.of()));
        }
        return sum;
    }

    /** The fields of a stat file, numbered from 0 as in proc(5) minus one; the command name is skipped. */
    private static List<String> fields(Path stat) {
        try {
            String s = Files.readString(stat);
            List<String> f = new ArrayList<>(List.of(s.substring(0, s.indexOf(' ')), "comm"));
            f.addAll(List.of(s.substring(s.lastIndexOf(')') + 2).split(" ")));
            return f;
        } catch (IOException | StringIndexOutOfBoundsException e) {
            return null; // the process ended meanwhile
        }
    }

    /** The 1-minute load average. */
    static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
