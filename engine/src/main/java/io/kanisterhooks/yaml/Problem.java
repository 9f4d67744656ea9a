package io.kanisterhooks.yaml;

/** One finding about user input, printed as {@code file:line:col: [warning: ]message}. */
public record Problem(SourcePosition position, Severity severity, String message) implements Comparable<Problem> {

    /** How serious a finding is: errors make a command exit 2, warnings are only printed. */
    public enum Severity { ERROR, WARNING }

    public static Problem error(SourcePosition position, String message) {
        return new Problem(position, Severity.ERROR, message);
    }

    public static Problem warning(SourcePosition position, String message) {
        return new Problem(position, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public int compareTo(Problem o) {
        return position.compareTo(o.position);
    }

    /**
     * {@code file:line:col: message}; a problem of an option or a whole file whose message already begins with its
     * name ({@code --timeout: ...}) is not prefixed twice.
     */
    @Override
    public String toString() {
        String severity = isError() ? "" : "warning: ";
        String place = position.toString();
        if (position.line() == 0 && (message.startsWith(place + " ") || message.startsWith(place + ":"))) {
            return severity + message;
        }
        return place + ": " + severity + message;
    }
}
