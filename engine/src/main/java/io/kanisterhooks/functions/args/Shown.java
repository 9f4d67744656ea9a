package io.kanisterhooks.functions.args;

import io.kanisterhooks.golang.strconv.GoQuote;
import io.kanisterhooks.secrets.SafeFormat;
import io.kanisterhooks.secrets.SecretKeys;

/** How a value appears in a decoding error: like Go prints it, unless it may be a credential or is long. */
final class Shown {

    private Shown() {
    }

    /** The value as {@code %v} would print it, or a placeholder. */
    static String value(String path, Object value) {
        if (isSecretPath(path)) {
            return "<redacted>";
        }
        String text = SafeFormat.formatSafely(value);
        return text.length() > SafeFormat.MAX_SHOWN_STRING ? "<" + text.length() + " characters>" : text;
    }

    /** A string as {@code %q} would print it, or a placeholder. */
    static String quoted(String path, String s) {
        if (isSecretPath(path)) {
            return "<redacted>";
        }
        return s.length() > SafeFormat.MAX_SHOWN_STRING ? "<" + s.length() + " characters>" : GoQuote.quote(s);
    }

    private static boolean isSecretPath(String path) {
        for (String segment : path.split("[.\\[\\]]")) {
            if (SecretKeys.isSecretLike(segment)) {
                return true;
            }
        }
        return false;
    }
}
