package io.kanisterhooks.hooks.state;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Reads and writes the run-state file. Every write goes to a temporary file in the same directory that is then renamed
 * over the old one, so a crash (or an abort) never leaves a half-written state behind. {@link #put} returns once the
 * file holds the new record; updates from parallel namespaces share writes (group commit): a write includes every
 * record put while the previous write was under way, so namespaces do not queue up behind one file write each.
 */
public final class RunStateStore {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path file;
    private final Object writeLock = new Object();
    private RunState state;
    /** Updates made so far, and how many of them the file holds. */
    private long updates;
    private long written;

    private RunStateStore(Path file, RunState state) {
        this.file = file;
        this.state = state;
    }

    /** Opens an existing state, or starts {@code fresh} when the file does not exist. */
    public static RunStateStore open(Path file, RunState fresh) throws IOException, StateException {
        Optional<RunState> existing = read(file);
        RunStateStore store = new RunStateStore(file, existing.orElse(fresh));
        if (existing.isEmpty()) {
            store.write(store.state);
        }
        return store;
    }

    public static Optional<RunState> read(Path file) throws IOException, StateException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            RunState s = GSON.fromJson(Files.readString(file), RunState.class);
            if (s == null || s.version() != RunState.VERSION) {
                throw new StateException("run-state file " + file + " has version " + (s == null ? "none" : s.version())
                        + "; this kanister-hooks reads version " + RunState.VERSION);
            }
            return Optional.of(s);
        } catch (JsonParseException e) {
            throw new StateException("run-state file " + file + " is not valid: " + e.getMessage());
        }
    }

    public synchronized RunState state() {
        return state;
    }

    public void put(String namespace, String slot, SlotRecord record) throws IOException {
        long mine;
        synchronized (this) {
            state = state.with(namespace, slot, record);
            mine = ++updates;
        }
        synchronized (writeLock) {
            if (written >= mine) {
                return; // a write that started after our update has finished
            }
            RunState snapshot;
            long includes;
            synchronized (this) {
                snapshot = state;
                includes = updates;
            }
            write(snapshot);
            written = includes;
        }
    }

    private void write(RunState snapshot) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".state-", ".json");
        try {
            Files.writeString(tmp, GSON.toJson(snapshot));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public Path file() {
        return file;
    }
}
