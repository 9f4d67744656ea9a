package io.kanisterhooks.functions.args;

import io.kanisterhooks.kube.patch.GoValues;

/** How a value appears in a decoding error: like Go prints it, unless it may be a credential or is long. */
final class Shown {

    private Shown() {
    }

    /** The value as {@code %v} would print it, or a placeholder. */
    static String value(String path, Object value) {
        if (isSecretPath(path)) {
            return "<redacted>";
        }
        String text = GoValues.formatSafely(value);
        return text.length() > GoValues.MAX_SHOWN_STRING ? "<" + text.length() + " characters>" : text;
    }

    /** A string as {@code %q} would print it, or a placeholder. */
    static String quoted(String path, String s) {
        if (isSecretPath(path)) {
            return "<redacted>";
        }
        return s.length() > GoValues.MAX_SHOWN_STRING ? "<" + s.length() + " characters>" : GoStrconv.quote(s);
    }

    private static boolean isSecretPath(String path) {
        for (String segment : path.split("[.\\[\\]]")) {
            if (GoValues.isSecretLike(segment)) {
                return true;
            }
        }
        return false;
    }
}
