package io.kanisterhooks.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a file the user named, with bounded memory: at most {@code limit + 1} bytes are ever read, so a device
 * ({@code /dev/zero}), a FIFO or a huge file costs no more than the limit. Failures name the file and say what is
 * wrong with it in words (never an exception class), and never quote its contents.
 */
public final class InputFile {

    private InputFile() {
    }

    /**
     * The bytes of {@code file}.
     *
     * @param limit the most bytes a file of this kind may have
     * @param what  what the file is, for messages ("YAML file", "kubeconfig", "run-state file")
     * @throws InputException naming the file
     */
    public static byte[] read(Path file, int limit, String what) throws InputException {
        if (Files.isDirectory(file)) {
            throw new InputException(file, "is a directory, not a " + what);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(limit + 1);
        } catch (IOException e) {
            throw new InputException(file, reason(e));
        }
        if (bytes.length > limit) {
            throw new InputException(file, "is larger than " + limit + " bytes, the limit for a " + what);
        }
        return bytes;
    }

    /** The text of {@code file}, decoded as UTF-8 (strictly: invalid bytes are an error with their position). */
    public static String readText(Path file, int limit, String what) throws InputException {
        byte[] bytes = read(file, limit, what);
        try {
            return YamlReader.decode(file.toString(), bytes);
        } catch (YamlException e) {
            throw new InputException(e.position(), e.getMessage().replace("YAML files", "files"));
        }
    }

    /** What went wrong, in words: "no such file or directory", "permission denied", ... */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return "cannot be read: " + fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        String m = e.getMessage();
        if (m != null && m.contains("Is a directory")) {
            return "is a directory";
        }
        return "cannot be read" + (m == null ? "" : ": " + m);
    }
}
