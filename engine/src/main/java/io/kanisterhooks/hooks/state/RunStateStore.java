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
 * over the old one, so a crash (or an abort) never leaves a half-written state behind. Updates from parallel
 * namespaces are serialised here.
 */
public final class RunStateStore {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path file;
    private RunState state;

    private RunStateStore(Path file, RunState state) {
        this.file = file;
        this.state = state;
    }

    /** Opens an existing state, or starts {@code fresh} when the file does not exist. */
    public static RunStateStore open(Path file, RunState fresh) throws IOException, StateException {
        Optional<RunState> existing = read(file);
        RunStateStore store = new RunStateStore(file, existing.orElse(fresh));
        if (existing.isEmpty()) {
            store.save();
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

    public synchronized void put(String namespace, String slot, SlotRecord record) throws IOException {
        state = state.with(namespace, slot, record);
        save();
    }

    private void save() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".state-", ".json");
        try {
            Files.writeString(tmp, GSON.toJson(state));
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
