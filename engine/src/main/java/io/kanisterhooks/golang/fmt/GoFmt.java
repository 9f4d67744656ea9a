package io.kanisterhooks.golang.fmt;

/**
 * Go's {@code fmt.Sprint}, {@code fmt.Sprintln} and {@code fmt.Sprintf} over the template value model: every
 * verb, flag, width, precision and argument index, Go's float digits, sorted map keys, {@code <nil>} inside
 * collections, and the error texts ({@code %!d(string=a)}, {@code %!d(MISSING)}, {@code %!(EXTRA int=2)},
 * {@code %!(BADWIDTH)}, ...).
 */
public final class GoFmt {
    private GoFmt() {
    }

    /** {@code fmt.Sprint}: operands joined with a space only where neither side is a string. */
    public static String sprint(Object... args) {
        StringBuilder sb = new StringBuilder();
        new Printer(sb).doPrint(args);
        return sb.toString();
    }

    /** {@code fmt.Sprintln}: operands joined with spaces, plus a newline. */
    public static String sprintln(Object... args) {
        StringBuilder sb = new StringBuilder();
        new Printer(sb).doPrintln(args);
        return sb.toString();
    }

    /** {@code fmt.Sprintf}. */
    public static String sprintf(String format, Object... args) {
        StringBuilder sb = new StringBuilder(format.length() + 16);
        new Printer(sb).doPrintf(format, args);
        return sb.toString();
    }

    /** Appends {@code fmt.Sprint(value)} (one operand, i.e. {@code %v}) to a builder. */
    public static void appendValue(StringBuilder sb, Object value) {
        if (value instanceof String) {
            sb.append((String) value);
        } else if (value instanceof Long) {
            sb.append(((Long) value).longValue());
        } else if (value instanceof Boolean) {
            sb.append(((Boolean) value).booleanValue());
        } else {
            new Printer(sb).printArg(value, 'v');
        }
    }

    /** {@code fmt.Sprint(value)} for a single value: its {@code %v} text. */
    public static String toString(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        StringBuilder sb = new StringBuilder();
        appendValue(sb, value);
        return sb.toString();
    }
}
