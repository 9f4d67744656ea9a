package io.kanisterhooks.hooks.state;

import io.kanisterhooks.yaml.InputException;
import io.kanisterhooks.yaml.InputFile;
import io.kanisterhooks.yaml.OutputFile;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * A run's state in a local file ({@code --state FILE}): readable by its owner only (0600), since the preHook's
 * artifacts may hold credentials. Every write goes to a temporary file in the same directory that is then renamed over
 * the old one, so a crash (or an abort) never leaves a half-written state behind.
 */
public final class FileRunStateStore extends RunStateStore {

    /** Far more than a run's state needs (its blueprints' texts included); bounds what reading a wrong file costs. */
    static final int MAX_BYTES = 32 * 1024 * 1024;

    private final Path file;

    private FileRunStateStore(Path file, RunState state) {
        super(state);
        this.file = file;
    }

    /** A store for {@code state}, written to {@code file} on the first update (a new run) or already there. */
    public static FileRunStateStore of(Path file, RunState state) {
        return new FileRunStateStore(file, state);
    }

    /** The state in {@code file}; empty when there is no such file. */
    public static Optional<RunState> read(Path file) throws StateException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (Files.isDirectory(file)) {
            throw new StateException("--state " + file + " is a directory, not a run-state file");
        }
        try {
            return Optional.of(RunStateJson.read(InputFile.readText(file, MAX_BYTES, "run-state file"),
                    "run-state file " + file));
        } catch (InputException e) {
            throw new StateException("cannot read the run-state file " + e.position() + ": " + e.getMessage());
        }
    }

    @Override
    public String location() {
        return "file " + file;
    }

    @Override
    protected RunState write(RunState snapshot, RunState previous) {
        try {
            OutputFile.replace(file, RunStateJson.write(snapshot, true),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            return snapshot;
        } catch (IOException e) {
            throw new RunStateWriteException("cannot write the run-state file " + file + ": " + describe(e), e);
        }
    }

    @Override
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing depends on it: the run never started a hook
        }
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? ""
                : " " + e.getMessage());
    }
}
