package io.kanisterhooks.blueprint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands paths to YAML files: files as given, directories recursively to their {@code *.yaml}/{@code *.yml} files. */
public final class BlueprintFiles {

    private BlueprintFiles() {
    }

    public static boolean isYaml(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /**
     * @throws IOException for a path that does not exist or cannot be listed (the message names it); files that
     *                     cannot be read are returned, and reading them says why
     */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> !Files.isDirectory(f)).filter(BlueprintFiles::isYaml).sorted().forEach(files::add);
                } catch (UncheckedIOException e) {
                    throw new IOException(p + ": cannot list every file below it (" + reason(e.getCause()) + ")");
                } catch (IOException e) {
                    throw new IOException(p + ": cannot list the directory (" + reason(e) + ")");
                }
            } else if (Files.exists(p)) {
                files.add(p); // a file, a device, a FIFO: reading is bounded, and says what is wrong
            } else {
                throw new IOException(p + ": no such file or directory");
            }
        }
        return files;
    }

    private static String reason(IOException e) {
        return e instanceof AccessDeniedException a ? "permission denied: " + a.getFile()
                : String.valueOf(e.getMessage());
    }
}
