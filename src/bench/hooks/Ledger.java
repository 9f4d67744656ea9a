package io.kanisterhooks.bench.hooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What hooks really did, as they wrote it: each hook command appends {@code TAG NAMESPACE EVENT} to one file (hook
 * pods of the local cluster are processes of this machine, so they can). Appends of one short line are atomic, so
 * the file's order is the order in which the events happened.
 */
final class Ledger {

    final Path file;

    Ledger(Path file) throws IOException {
        this.file = file;
        Files.deleteIfExists(file);
        Files.createFile(file);
    }

    /** A shell command appending {@code EVENT} for the run tagged by the option {@code tag}. */
    String append(String event) {
        return "echo \"{{ .Options.tag }} {{ .Namespace.Name }} " + event + "\" >> " + file;
    }

    /** The events of run {@code tag}, in order, as {@code NAMESPACE EVENT}. */
    List<String> of(String tag) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> l.startsWith(tag + " "))
                .map(l -> l.substring(tag.length() + 1)).toList();
    }

    /** The tags of every event, in order. */
    List<String> tags() throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> l.substring(0, l.indexOf(' ')))
                .toList();
    }

    long count(String tag, String namespace, String event) throws IOException {
        return of(tag).stream().filter(l -> l.equals(namespace + " " + event)).count();
    }
}
