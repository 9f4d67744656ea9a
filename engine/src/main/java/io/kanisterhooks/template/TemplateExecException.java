package io.kanisterhooks.template;

/** An execution error: {@code template: NAME:LINE:COL: executing "NAME" at <NODE>: MESSAGE}. */
public final class TemplateExecException extends TemplateException {
    private static final long serialVersionUID = 1L;

    TemplateExecException(String message, Throwable cause) {
        super(message, cause);
    }
}
