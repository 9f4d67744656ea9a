package io.kanisterhooks.functions.args;

import java.util.ArrayList;
import java.util.List;

/** mapstructure's error list: one entry per value that could not be decoded. */
final class DecodeFailure extends Exception {

    private final List<String> problems;

    DecodeFailure(String problem) {
        this(List.of(problem));
    }

    DecodeFailure(List<String> problems) {
        super(String.join("; ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }

    /** Collects the problems of several elements, as mapstructure does for slices, maps and structs. */
    static final class Collector {
        private final List<String> problems = new ArrayList<>();

        void add(DecodeFailure failure) {
            problems.addAll(failure.problems());
        }

        void throwIfAny() throws DecodeFailure {
            if (!problems.isEmpty()) {
                throw new DecodeFailure(problems);
            }
        }
    }
}
