package io.kanisterhooks.hooks.state;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Where one run's state is kept, and the in-memory copy every invocation works on. {@link #update} returns once the
 * store holds the change; changes from parallel namespaces share writes (group commit): a write includes every change
 * made while the previous write was under way, so namespaces do not queue up behind one write each.
 */
public abstract class RunStateStore {

    private final Object writeLock = new Object();
    private RunState state;
    /** What the store holds, as far as this process knows (guarded by writeLock). */
    private RunState lastWritten;
    /** Changes made so far, and how many of them the store holds. */
    private long updates;
    private long written;
    private volatile Consumer<String> warn;

    protected RunStateStore(RunState state) {
        this.state = state;
    }

    /** Where the state lives, for messages ("Secret kanister-hooks-run-X in namespace Y", "file F"). */
    public abstract String location();

    /**
     * Writes {@code snapshot} whole and returns what the store holds now: {@code snapshot}, or — when another writer
     * changed the stored state meanwhile — that state with this writer's changes since {@code previous} (what this
     * store last wrote; null for nothing yet) applied to it.
     */
    protected abstract RunState write(RunState snapshot, RunState previous);

    /** Deletes the stored state (a run that must not be kept, e.g. one that never started a hook). */
    public abstract void delete();

    /**
     * From now on a failed write is reported to {@code warn} instead of thrown: for the hooks that must still run when
     * the state cannot be written any more (after an unexpected error, at the end of an invocation).
     */
    public void tolerateWriteFailures(Consumer<String> warn) {
        this.warn = warn;
    }

    public synchronized RunState state() {
        return state;
    }

    /** Writes the current state (used once, for a new run). */
    public void save() {
        update(UnaryOperator.identity());
    }

    public void put(String namespace, String slot, SlotRecord record) {
        update(s -> s.with(namespace, slot, record));
    }

    /**
     * Applies {@code change} and returns once it is stored.
     *
     * @throws RunStateWriteException when the store cannot be written (after the retries of the store)
     */
    public void update(UnaryOperator<RunState> change) {
        long mine;
        synchronized (this) {
            state = change.apply(state);
            mine = ++updates;
        }
        synchronized (writeLock) {
            if (written >= mine) {
                return; // a write that started after our change has finished
            }
            RunState snapshot;
            long includes;
            synchronized (this) {
                snapshot = state;
                includes = updates;
            }
            RunState stored;
            try {
                stored = write(snapshot, lastWritten);
            } catch (RunStateWriteException e) {
                if (warn == null) {
                    throw e;
                }
                warn.accept("kanister-hooks: " + e.getMessage());
                return;
            }
            if (stored != snapshot) {
                synchronized (this) {
                    state = stored.overlay(snapshot, state); // keep the changes made during the write
                }
            }
            lastWritten = stored;
            written = includes;
        }
    }
}
