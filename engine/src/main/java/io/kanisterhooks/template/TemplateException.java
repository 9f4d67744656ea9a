package io.kanisterhooks.template;

/** A template failure whose message is exactly Go's {@code err.Error()} text. */
public class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
