package io.kanisterhooks.golang.json;

/**
 * Malformed JSON, with the text of Go's {@code *json.SyntaxError} ({@code invalid character 'x' after object key}) and,
 * like its {@code Offset}, where in the text the problem is.
 */
public final class JsonSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int offset;

    JsonSyntaxException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** The index (in characters) of the text where reading stopped. */
    public int offset() {
        return offset;
    }
}
