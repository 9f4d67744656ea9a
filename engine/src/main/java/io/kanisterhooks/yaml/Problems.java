package io.kanisterhooks.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects findings so that one run reports every problem, not just the first. */
public final class Problems {

    private final List<Problem> items = new ArrayList<>();

    public void error(SourcePosition position, String message) {
        items.add(Problem.error(position, message));
    }

    public void warning(SourcePosition position, String message) {
        items.add(Problem.warning(position, message));
    }

    public void add(Problem problem) {
        items.add(problem);
    }

    public void addAll(Problems other) {
        items.addAll(other.items);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Problem::isError);
    }

    public int errorCount() {
        return (int) items.stream().filter(Problem::isError).count();
    }

    /** All findings, sorted by file and position. */
    public List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(items);
        Collections.sort(copy);
        return copy;
    }
}
