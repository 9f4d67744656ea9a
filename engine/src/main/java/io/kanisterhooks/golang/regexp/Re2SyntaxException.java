package io.kanisterhooks.golang.regexp;

/** A regular expression Go's regexp/syntax rejects; the message is Go's {@code *syntax.Error} text. */
public final class Re2SyntaxException extends Exception {

    public Re2SyntaxException(String code, String expr) {
        super("error parsing regexp: " + code + ": `" + expr + "`");
    }
}
