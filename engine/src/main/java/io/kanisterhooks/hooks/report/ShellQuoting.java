package io.kanisterhooks.hooks.report;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A command's words as one would type them in a POSIX shell: plain words as they are, others in single quotes — or in
 * double quotes when they hold single quotes but nothing a shell expands inside double quotes, which reads better.
 */
public final class ShellQuoting {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    /** Special inside double quotes ({@code !}: history expansion of an interactive bash). */
    private static final Pattern DOUBLE_QUOTE_SPECIAL = Pattern.compile("[$`\\\\\"!]");

    private ShellQuoting() {
    }

    /** {@code [sh, -c, echo a; b]} as {@code sh -c 'echo a; b'}. */
    public static String join(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            // a first word with '=' would be read as a variable assignment, not as the command
            sb.append(i == 0 ? "" : " ").append(quote(words.get(i), i == 0));
        }
        return sb.toString();
    }

    private static String quote(String word, boolean first) {
        if (PLAIN.matcher(word).matches() && !(first && word.contains("="))) {
            return word;
        }
        if (word.contains("'") && !DOUBLE_QUOTE_SPECIAL.matcher(word).find()) {
            return "\"" + word + "\"";
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
