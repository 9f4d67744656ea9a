package io.kanisterhooks.output;

import java.util.regex.Pattern;

/** What {@code kando output} accepts as a key (Kanister's {@code output.ValidateKey}); the log parser checks nothing. */
public final class OutputKeys {

    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9_]*");

    private OutputKeys() {
    }

    /** Throws {@link IllegalArgumentException} with Kanister's message when {@code key} is not a valid output key. */
    public static void validate(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("Key should not be empty");
        }
        if (!VALID.matcher(key).matches()) {
            throw new IllegalArgumentException("Key should contain only alphanumeric characters and underscore");
        }
    }
}
