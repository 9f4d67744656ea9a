package io.kanisterhooks.output;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Phase output that cannot be read; fails the phase. Carries the outputs parsed before the failure. */
public final class PhaseOutputException extends Exception {

    private final Map<String, String> outputsSoFar;

    public PhaseOutputException(String message, Map<String, String> outputsSoFar) {
        super(message);
        this.outputsSoFar = Collections.unmodifiableMap(new LinkedHashMap<>(outputsSoFar));
    }

    public Map<String, String> outputsSoFar() {
        return outputsSoFar;
    }
}
