package io.kanisterhooks.output;

import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/**
 * How log lines are shown to people (console, reports, failure messages): a {@code kando output} marker line becomes
 * {@code output KEY = VALUE}, the value as {@code show} decides (masked for a sensitive key); the raw marker and its
 * JSON payload are never shown, and neither is the payload of a marker that cannot be parsed.
 */
public final class OutputDisplay {

    private OutputDisplay() {
    }

    /** @param show (key, value) → the value to show */
    public static String line(String line, BinaryOperator<String> show) {
        int at = line == null ? -1 : line.indexOf(KandoOutput.MARKER);
        if (at < 0) {
            return line;
        }
        String before = line.substring(0, at);
        PhaseOutputParser parser = new PhaseOutputParser(null);
        Map<String, String> outputs;
        try {
            parser.accept(line.substring(at) + "\n");
            outputs = parser.finish();
        } catch (PhaseOutputException e) {
            return before + "output (a malformed output marker; not shown)";
        }
        if (outputs.isEmpty()) {
            return before + "output (empty marker)";
        }
        return before + outputs.entrySet().stream().map(e -> "output " + e.getKey() + " = "
                + show.apply(e.getKey(), e.getValue())).collect(Collectors.joining("; "));
    }

    /** {@link #line} for every line of {@code text}; line ends ({@code \n}, {@code \r\n}) are kept as they are. */
    public static String text(String text, BinaryOperator<String> show) {
        if (text == null || !text.contains(KandoOutput.MARKER)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (String piece : text.split("(?<=\n)")) {
            int end = piece.endsWith("\r\n") ? piece.length() - 2 : piece.endsWith("\n") ? piece.length() - 1
                    : piece.length();
            sb.append(line(piece.substring(0, end), show)).append(piece, end, piece.length());
        }
        return sb.toString();
    }
}
