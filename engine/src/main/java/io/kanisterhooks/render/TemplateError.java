package io.kanisterhooks.render;

/**
 * A template failure as Kanister reports it. {@link #getMessage()} is Go's {@code err.Error()}; {@link #kanisterMessage()}
 * is what Kanister's arg rendering returns instead (its "not found" rewrite), which equals the Go message otherwise.
 */
public final class TemplateError extends Exception {

    /** Where the failure happened. */
    public enum Phase {
        /** The template text does not parse. */
        PARSE,
        /** Executing the template failed. */
        EXEC,
        /** A Wait condition's {@code {$…}} JSONPath failed on the object. */
        JSONPATH
    }

    private final Phase phase;
    private final String kanisterMessage;
    private final String innerError;

    public TemplateError(Phase phase, String goMessage) {
        this(phase, goMessage, goMessage, goMessage);
    }

    public TemplateError(Phase phase, String goMessage, String kanisterMessage, String innerError) {
        super(goMessage, null, false, false);
        this.phase = phase;
        this.kanisterMessage = kanisterMessage;
        this.innerError = innerError;
    }

    public Phase phase() {
        return phase;
    }

    public String kanisterMessage() {
        return kanisterMessage;
    }

    /** The error inside a printer's wrapping (kubectl's JSONPath and go-template printers), else the message. */
    public String innerError() {
        return innerError;
    }

    TemplateError withKanisterMessage(String message) {
        return new TemplateError(phase, getMessage(), message, innerError);
    }

    TemplateError wrapped(String printerMessage) {
        return new TemplateError(phase, printerMessage, printerMessage, getMessage());
    }
}
