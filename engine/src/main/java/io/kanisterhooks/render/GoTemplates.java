package io.kanisterhooks.render;

/**
 * The Go {@code text/template} operations Kanister's call sites need: parse with options, execute on data, inspect the
 * parse tree. Implemented over the template core ({@link CoreTemplates}); the call-site logic in this package does not
 * depend on how.
 */
interface GoTemplates {

    /** Parses; a syntax error is a {@link TemplateError} with phase PARSE and Go's message. */
    Parsed parse(String text, TemplateOptions options) throws TemplateError;

    /** A parsed template; safe to execute concurrently. */
    interface Parsed {

        /** Executes on data; Kanister discards partial output on error, so there is none. */
        String execute(Object data) throws TemplateError;

        /** Whether any field chain in the template starts at {@code .Profile} or {@code $.Profile}. */
        boolean referencesProfile();
    }
}
