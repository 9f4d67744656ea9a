package io.kanisterhooks.output;

/** Receives the ordinary (non-output) lines of a stream, one at a time, without their line ends. */
@FunctionalInterface
public interface LogLineSink {

    /**
     * @param text           the line, or the text before a marker, cut to the parser's limit
     * @param omittedChars   how many characters were cut off the end (0 for most lines)
     */
    void line(String text, long omittedChars);
}
