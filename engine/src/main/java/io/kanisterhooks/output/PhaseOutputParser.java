package io.kanisterhooks.output;

import io.kanisterhooks.golang.strings.GoStrings;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects phase outputs from a pod log or exec stdout as it streams in, following Kanister's
 * {@code output.LogAndParse}: on each line the first {@value KandoOutput#MARKER} starts a payload that runs to the end
 * of the line (text before the marker is ordinary output); the trimmed payload, when not empty, must be JSON with
 * string {@code key} and {@code value} — anything else fails the phase with {@code Failed to unmarshal key-value pair}.
 * Later keys overwrite earlier ones; keys are not validated. Empty lines are skipped. Like Kanister, a line that ends
 * with the beginning of the marker makes the next non-empty line an output when it starts with the rest of it.
 *
 * <p>Input may arrive in chunks of any size, split anywhere (even inside the marker or a UTF-8 sequence). Ordinary
 * lines are handed to a {@link LogLineSink} one at a time; at most {@code maxLoggedLine} characters of a line are kept
 * for it, while markers are still recognised beyond that. A payload line is kept whole up to {@code maxPayload}
 * characters. Not thread-safe.
 */
public final class PhaseOutputParser {

    public static final int DEFAULT_MAX_LOGGED_LINE = 64 * 1024;
    public static final int DEFAULT_MAX_PAYLOAD = 32 * 1024 * 1024;

    private static final String MARKER = KandoOutput.MARKER;
    private static final int[] BORDERS = borders(MARKER);
    private static final int READ_CHUNK = 64 * 1024;

    private enum State { LOG, SUFFIX, PAYLOAD }

    private final LogLineSink sink;
    private final int maxLoggedLine;
    private final int maxPayload;
    private final Map<String, String> outputs = new LinkedHashMap<>();
    private final GoUtf8Decoder utf8 = new GoUtf8Decoder();
    private final StringBuilder decoded = new StringBuilder();

    private State state = State.LOG;
    private final StringBuilder logged = new StringBuilder();
    private long lineLength;
    private int markerMatched;
    private String pendingSuffix;
    private int suffixMatched;
    private final StringBuilder payload = new StringBuilder();
    private boolean carriageReturn;
    private PhaseOutputException failure;
    private boolean finished;

    /** A parser handing ordinary lines to {@code sink} (null to drop them), with the default limits. */
    public PhaseOutputParser(LogLineSink sink) {
        this(sink, DEFAULT_MAX_LOGGED_LINE, DEFAULT_MAX_PAYLOAD);
    }

    public PhaseOutputParser(LogLineSink sink, int maxLoggedLine, int maxPayload) {
        this.sink = sink == null ? (text, omitted) -> { } : sink;
        this.maxLoggedLine = maxLoggedLine;
        this.maxPayload = maxPayload;
    }

    /** The outputs of a whole text. */
    public static Map<String, String> parse(String text) throws PhaseOutputException {
        PhaseOutputParser parser = new PhaseOutputParser(null);
        parser.accept(text);
        return parser.finish();
    }

    /** Reads {@code in} to its end (without closing it), handing ordinary lines to {@code sink}. */
    public static Map<String, String> parse(InputStream in, LogLineSink sink) throws IOException, PhaseOutputException {
        PhaseOutputParser parser = new PhaseOutputParser(sink);
        byte[] buffer = new byte[READ_CHUNK];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            parser.accept(buffer, 0, n);
        }
        return parser.finish();
    }

    /** Feeds UTF-8 bytes. */
    public void accept(byte[] bytes, int off, int len) throws PhaseOutputException {
        checkOpen();
        decoded.setLength(0);
        utf8.decode(bytes, off, len, decoded);
        feed(decoded);
    }

    /** Feeds characters (an unfinished UTF-8 sequence from earlier bytes is invalid at this point). */
    public void accept(CharSequence chars) throws PhaseOutputException {
        checkOpen();
        decoded.setLength(0);
        utf8.finish(decoded);
        feed(decoded);
        feed(chars);
    }

    /** Ends the input (a last line without a line end counts) and returns all outputs. */
    public Map<String, String> finish() throws PhaseOutputException {
        checkOpen();
        decoded.setLength(0);
        utf8.finish(decoded);
        feed(decoded);
        if (carriageReturn) {
            carriageReturn = false;
            character('\r');
        }
        endLine();
        finished = true;
        return outputs();
    }

    /** The outputs found so far, in the order their keys first appeared. */
    public Map<String, String> outputs() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    private void checkOpen() throws PhaseOutputException {
        if (failure != null) {
            throw failure;
        }
        if (finished) {
            throw new IllegalStateException("parser already finished");
        }
    }

    private void feed(CharSequence chars) throws PhaseOutputException {
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            // "\r\n" ends a line like "\n" does; a lone '\r' is ordinary text.
            if (carriageReturn) {
                carriageReturn = false;
                if (c != '\n') {
                    character('\r');
                }
            }
            if (c == '\n') {
                endLine();
            } else if (c == '\r') {
                carriageReturn = true;
            } else {
                character(c);
            }
        }
    }

    private void character(char c) throws PhaseOutputException {
        switch (state) {
            case PAYLOAD -> {
                if (payload.length() >= maxPayload) {
                    fail(new PhaseOutputException("Phase output line is longer than " + maxPayload + " characters",
                            outputs));
                }
                payload.append(c);
            }
            case SUFFIX -> suffixCharacter(c);
            default -> logCharacter(c);
        }
    }

    private void logCharacter(char c) {
        if (lineLength == 0 && pendingSuffix != null) {
            state = State.SUFFIX;
            suffixCharacter(c);
            return;
        }
        lineLength++;
        if (logged.length() < maxLoggedLine) {
            logged.append(c);
        }
        while (markerMatched > 0 && MARKER.charAt(markerMatched) != c) {
            markerMatched = BORDERS[markerMatched - 1];
        }
        if (MARKER.charAt(markerMatched) == c) {
            markerMatched++;
        }
        if (markerMatched == MARKER.length()) {
            long before = lineLength - MARKER.length();
            logged.setLength((int) Math.min(before, logged.length()));
            if (before > 0) {
                sink.line(logged.toString(), before - logged.length());
            }
            startPayload();
        }
    }

    /** At the start of the line after one that ended with part of the marker: does this line hold the rest? */
    private void suffixCharacter(char c) {
        if (pendingSuffix.charAt(suffixMatched) == c) {
            suffixMatched++;
            if (suffixMatched == pendingSuffix.length()) {
                startPayload();
            }
            return;
        }
        replaySuffixAsLog();
        logCharacter(c);
    }

    private void replaySuffixAsLog() {
        String replay = pendingSuffix.substring(0, suffixMatched);
        pendingSuffix = null;
        suffixMatched = 0;
        state = State.LOG;
        for (int i = 0; i < replay.length(); i++) {
            logCharacter(replay.charAt(i));
        }
    }

    private void startPayload() {
        state = State.PAYLOAD;
        pendingSuffix = null;
        suffixMatched = 0;
        markerMatched = 0;
        payload.setLength(0);
    }

    private void endLine() throws PhaseOutputException {
        if (state == State.SUFFIX) {
            if (suffixMatched == 0) {
                return;
            }
            replaySuffixAsLog();
        }
        if (state == State.PAYLOAD) {
            String content = payload.toString();
            payload.setLength(0);
            payload.trimToSize();
            resetLine(null);
            store(content);
            return;
        }
        if (lineLength == 0) {
            // Empty lines are skipped entirely; a pending marker suffix still applies to the next line.
            return;
        }
        sink.line(logged.toString(), lineLength - logged.length());
        resetLine(markerMatched > 0 ? MARKER.substring(shortestBorder(markerMatched)) : null);
    }

    private void resetLine(String suffixForNextLine) {
        state = State.LOG;
        logged.setLength(0);
        lineLength = 0;
        markerMatched = 0;
        pendingSuffix = suffixForNextLine;
        suffixMatched = 0;
    }

    private void store(String content) throws PhaseOutputException {
        String trimmed = GoStrings.trimSpace(content);
        if (trimmed.isEmpty()) {
            return;
        }
        try {
            OutputJson.KeyValue kv = OutputJson.decode(trimmed);
            outputs.put(kv.key(), kv.value());
        } catch (OutputJson.JsonException e) {
            fail(new PhaseOutputException("Failed to unmarshal key-value pair: " + e.getMessage(), outputs));
        }
    }

    private void fail(PhaseOutputException e) throws PhaseOutputException {
        failure = e;
        throw e;
    }

    /**
     * Kanister looks for the shortest line end that is a start of the marker; with the marker's borders that is the
     * last non-zero border in the chain from the longest match.
     */
    private static int shortestBorder(int longest) {
        int shortest = longest;
        while (BORDERS[shortest - 1] > 0) {
            shortest = BORDERS[shortest - 1];
        }
        return shortest;
    }

    /** KMP failure table: BORDERS[i] is the longest proper border of the marker's first i+1 characters. */
    private static int[] borders(String s) {
        int[] table = new int[s.length()];
        int k = 0;
        for (int i = 1; i < s.length(); i++) {
            while (k > 0 && s.charAt(i) != s.charAt(k)) {
                k = table[k - 1];
            }
            if (s.charAt(i) == s.charAt(k)) {
                k++;
            }
            table[i] = k;
        }
        return table;
    }
}
