package io.kanisterhooks.cli;

import io.kanisterhooks.blueprint.BlueprintFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Command-line paths expanded to YAML files; a missing path is bad input. */
final class InputFiles {

    private InputFiles() {
    }

    static List<Path> expand(List<Path> paths) {
        try {
            return BlueprintFiles.expand(paths);
        } catch (IOException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
