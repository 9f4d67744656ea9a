package io.kanisterhooks.yaml;

/**
 * A scalar with its resolved value (String, Long, Double, Boolean or null) and its source form.
 *
 * @param blockStyle true for literal ({@code |}) and folded ({@code >}) scalars, whose content starts on the line after
 *                   the indicator — needed to map a line inside the value back to the file
 */
public record YamlScalar(Object value, String text, boolean plain, boolean blockStyle, SourcePosition position)
        implements YamlNode {

    @Override
    public Object toValue() {
        return value;
    }

    public boolean isString() {
        return value instanceof String;
    }

    /** The file position of line {@code lineInValue} (1-based) of a string value. */
    public SourcePosition positionOfLine(int lineInValue) {
        if (lineInValue <= 1 && !blockStyle) {
            return position;
        }
        return position.plusLines(blockStyle ? lineInValue : lineInValue - 1, 1);
    }

    @Override
    public String describe() {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Long) {
            return "an integer";
        }
        return "a number";
    }
}
