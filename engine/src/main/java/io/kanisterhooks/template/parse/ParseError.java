package io.kanisterhooks.template.parse;

/** A template parse error carrying Go's full message, e.g. {@code template: config:1: unclosed action}. */
public final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParseError(String message) {
        super(message, null, false, false);
    }
}
