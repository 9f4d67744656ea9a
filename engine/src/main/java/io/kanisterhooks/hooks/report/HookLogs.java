package io.kanisterhooks.hooks.report;

import io.kanisterhooks.hooks.HookSlot;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The log lines of every hook phase this process ran, per namespace, hook, attempt and phase, as they reached the
 * console (the engine masked the secrets it knew by then; the reports mask again when they write them). Each phase log
 * lives in the report directory as {@code logs/NAMESPACE/SLOT-ATTEMPT-PHASE.log}. Called from namespace threads.
 */
public final class HookLogs {

    /** The directory of the logs in the report directory. */
    static final String DIRECTORY = "logs";
    /** Lines kept per phase log; a longer log keeps its end. */
    static final int MAX_LINES = 20_000;

    /** One phase log. */
    public record Key(String namespace, HookSlot slot, int attempt, String phase) {
    }

    private final Map<String, Integer> attempts = new HashMap<>();
    private final Map<Key, Log> logs = new LinkedHashMap<>();
    private final Set<String> paths = new HashSet<>();

    private static final class Log {
        final String path;
        final Deque<String> lines = new ArrayDeque<>();
        long dropped;

        Log(String path) {
            this.path = path;
        }
    }

    synchronized void attemptStarted(String namespace, HookSlot slot, int attempt) {
        attempts.put(namespace + "\u0000" + slot.key(), attempt);
    }

    synchronized void add(String namespace, HookSlot slot, String phase, String line) {
        int attempt = attempts.getOrDefault(namespace + "\u0000" + slot.key(), 1);
        Log log = logs.computeIfAbsent(new Key(namespace, slot, attempt, phase), this::newLog);
        log.lines.addLast(line);
        if (log.lines.size() > MAX_LINES) {
            log.lines.removeFirst();
            log.dropped++;
        }
    }

    /** A path of its own for each log, even for phase names that differ only in characters a file name avoids. */
    private Log newLog(Key k) {
        String base = prefix(k.namespace(), k.slot()) + k.attempt() + "-" + fileName(k.phase());
        String path = base + ".log";
        for (int n = 2; !paths.add(path); n++) {
            path = base + "-" + n + ".log";
        }
        return new Log(path);
    }

    /** How the paths of a hook's logs in a namespace begin, whichever invocation wrote them. */
    static String prefix(String namespace, HookSlot slot) {
        return DIRECTORY + "/" + fileName(namespace) + "/" + slot.key() + "-";
    }

    private static String fileName(String s) {
        String safe = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }

    /** Every phase log, in the order they started. */
    public synchronized List<Key> keys() {
        return List.copyOf(logs.keySet());
    }

    /** The lines kept of a phase log; empty when it printed nothing. */
    public synchronized List<String> lines(Key key) {
        Log log = logs.get(key);
        return log == null ? List.of() : List.copyOf(log.lines);
    }

    /** How many lines at the start of a long log were not kept. */
    public synchronized long dropped(Key key) {
        Log log = logs.get(key);
        return log == null ? 0 : log.dropped;
    }

    /** The log's file, relative to the report directory; null when the phase printed nothing. */
    public synchronized String path(Key key) {
        Log log = logs.get(key);
        return log == null ? null : log.path;
    }
}
