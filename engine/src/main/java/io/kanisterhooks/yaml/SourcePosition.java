package io.kanisterhooks.yaml;

/**
 * A place in a source file, 1-based like compilers and editors print it.
 * {@code line == 0} means "the file as a whole" (no precise place is known).
 */
public record SourcePosition(String file, int line, int column) implements Comparable<SourcePosition> {

    public static SourcePosition ofFile(String file) {
        return new SourcePosition(file, 0, 0);
    }

    /** The position of the character at {@code offset} of {@code text}, as editors count lines and columns. */
    public static SourcePosition atOffset(String file, String text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SourcePosition(file, line, column);
    }

    /** The position {@code lines} lines further down, at {@code column}. */
    public SourcePosition plusLines(int lines, int newColumn) {
        return new SourcePosition(file, line + lines, newColumn);
    }

    @Override
    public int compareTo(SourcePosition o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
