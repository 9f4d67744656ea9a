package io.kanisterhooks.jsonpath;

/**
 * A JSONPath parse or execution error. The message is exactly the text client-go's (or kubectl's printer's)
 * {@code err.Error()} gives, because Kanister shows it to users and the Wait function reports it at timeout.
 */
public class JsonPathException extends Exception {

    private final boolean parseError;
    private final String innerError;

    private JsonPathException(String goMessage, boolean parseError, String innerError) {
        super(goMessage, null, false, false);
        this.parseError = parseError;
        this.innerError = innerError;
    }

    static JsonPathException parse(String goMessage) {
        return new JsonPathException(goMessage, true, goMessage);
    }

    static JsonPathException execution(String goMessage) {
        return new JsonPathException(goMessage, false, goMessage);
    }

    /** An execution error as kubectl's JSONPath printer words it, around the engine's own message. */
    static JsonPathException printed(String printerMessage, JsonPathException engineError) {
        return new JsonPathException(printerMessage, false, engineError.getMessage());
    }

    /** True for template syntax errors, which Kanister's Wait swallows; false for errors while walking the object. */
    public boolean isParseError() {
        return parseError;
    }

    /** The engine's message without any printer wrapping (e.g. {@code health is not found}). */
    public String innerError() {
        return innerError;
    }
}
