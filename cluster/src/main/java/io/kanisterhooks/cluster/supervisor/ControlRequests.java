package io.kanisterhooks.cluster.supervisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lets other processes ask the running supervisor to do something ({@code bin/local-cluster restart-apiserver}): a
 * request is an empty file {@code DIR/control/ID.ACTION.request}; the answer is {@code ID.done}, or {@code ID.failed}
 * holding the reason. Files, not signals, so that the caller learns when the action has finished and whether it worked.
 */
final class ControlRequests implements AutoCloseable {
    private static final String SUFFIX = ".request";

    /** One thing the supervisor can be asked to do. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private final Path dir;
    private final Map<String, Action> actions;
    private final Thread thread;
    private volatile boolean closed;

    ControlRequests(Path dir, Map<String, Action> actions) {
        this.dir = dir;
        this.actions = Map.copyOf(actions);
        this.thread = new Thread(this::loop, "control-requests");
        this.thread.setDaemon(true);
    }

    ControlRequests start() throws IOException {
        Files.createDirectories(dir);
        thread.start();
        return this;
    }

    private void loop() {
        while (!closed) {
            for (Path request : pending()) {
                answer(request);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private List<Path> pending() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(Path request) {
        String name = request.getFileName().toString();
        String idAndAction = name.substring(0, name.length() - SUFFIX.length());
        int dot = idAndAction.indexOf('.');
        String id = dot < 0 ? idAndAction : idAndAction.substring(0, dot);
        Action action = dot < 0 ? null : actions.get(idAndAction.substring(dot + 1));
        try {
            Files.delete(request);
            if (action == null) {
                throw new IllegalArgumentException("unknown request " + name + "; known: " + actions.keySet());
            }
            System.err.println("control request " + idAndAction);
            action.run();
            Files.writeString(dir.resolve(id + ".done"), "");
        } catch (Exception e) {
            try {
                Files.writeString(dir.resolve(id + ".failed"), String.valueOf(e) + "\n");
            } catch (IOException ignored) {
                // the caller times out instead
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
