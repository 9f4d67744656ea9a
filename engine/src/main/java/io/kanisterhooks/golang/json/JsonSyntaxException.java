package io.kanisterhooks.golang.json;

/** Malformed JSON, with the text of Go's {@code *json.SyntaxError} ({@code invalid character 'x' after object key}). */
public final class JsonSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    JsonSyntaxException(String message) {
        super(message);
    }
}
