package io.kanisterhooks.template;

/** A parse error: {@code template: NAME:LINE: MESSAGE}. */
public final class TemplateParseException extends TemplateException {
    private static final long serialVersionUID = 1L;

    TemplateParseException(String message) {
        super(message, null);
    }
}
