package io.kanisterhooks.cli;

import io.kanisterhooks.blueprint.KubernetesNames;
import io.kanisterhooks.hooks.run.RunIds;
import io.kanisterhooks.hooks.state.FileRunStateStore;
import io.kanisterhooks.hooks.state.StateException;
import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.SourcePosition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Checks of option values that need no cluster, each problem recorded under the option's name, so that a command can
 * report every problem of its command line at once before it sends its first request.
 */
final class OptionChecks {

    private OptionChecks() {
    }

    static void namespace(String option, String value, Problems problems) {
        if (value != null) {
            KubernetesNames.namespaceProblem(value).ifPresent(p -> problems.error(at(option), option + ": " + p));
        }
    }

    static void runId(String option, String value, Problems problems) {
        if (value != null) {
            RunIds.problem(value).ifPresent(p -> problems.error(at(option), option + " " + value + ": " + p));
        }
    }

    /** KEY=VALUE options: every key must be non-empty. */
    static void keys(String option, Map<String, String> values, Problems problems) {
        values.forEach((k, v) -> {
            if (k.isEmpty()) {
                problems.error(at(option), option + " =" + v + ": the key is empty (expected KEY=VALUE)");
            }
        });
    }

    /** A directory written to ({@code option}'s value): it may not exist yet, but nothing in its way may be a file. */
    static void outputDirectory(String option, Path dir, Problems problems) {
        if (dir == null) {
            return;
        }
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            problems.error(at(option), option + " " + dir + ": " + (existing.equals(dir.toAbsolutePath())
                    ? "is a file, not a directory" : existing + " is a file, not a directory"));
        } else if (!Files.isWritable(existing)) {
            problems.error(at(option), option + " " + dir + ": permission denied (" + existing
                    + " is not writable)");
        }
    }

    /** A file written as {@code option}'s value: not a directory, and its directory as {@link #outputDirectory}. */
    static void outputFile(String option, Path file, Problems problems) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            problems.error(at(option), option + " " + file + ": is a directory, not a file");
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            outputDirectory(option, parent, problems);
        }
    }

    /** A run-state file: none yet (a new run creates it), or one that holds a kanister-hooks run state. */
    static void stateFile(Path file, Problems problems) {
        if (file == null) {
            return;
        }
        try {
            FileRunStateStore.read(file);
        } catch (StateException e) {
            problems.error(at("--state"), e.getMessage());
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
            problems.error(at("--state"), "--state " + file + ": " + parent + " is a file, not a directory");
        }
    }

    static SourcePosition at(String option) {
        return SourcePosition.ofFile(option);
    }
}
