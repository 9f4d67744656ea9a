package io.kanisterhooks.functions;

import io.kanisterhooks.output.PhaseOutputException;
import io.kanisterhooks.output.PhaseOutputParser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Phase outputs read from an exec's stdout or a pod's log, line by line as it streams (Kanister parses the collected
 * text at the end: the result is the same). Like Kanister's {@code parseLogAndCreateOutput} (KubeExec, KubeExecAll,
 * PrepareData), no marker at all means no output (nil), not an empty map.
 */
final class PodLogOutputs implements Consumer<String> {

    private final PhaseOutputParser parser = new PhaseOutputParser(null);

    @Override
    public void accept(String line) {
        try {
            parser.accept(line + "\n");
        } catch (PhaseOutputException e) {
            // the parser keeps the failure and reports it again from finish()
        }
    }

    /** The outputs, or null when there were none; a malformed marker line fails the phase. */
    Map<String, Object> finish() throws PhaseException {
        Map<String, String> outputs;
        try {
            outputs = parser.finish();
        } catch (PhaseOutputException e) {
            throw new PhaseException(e.getMessage());
        }
        return outputs.isEmpty() ? null : new LinkedHashMap<>(outputs);
    }
}
