package io.kanisterhooks.functions.args;

/** A function argument that is missing or cannot be decoded; the message follows Kanister's wording. */
public final class ArgException extends Exception {

    public ArgException(String message) {
        super(message);
    }
}
