package io.kanisterhooks.yaml;

/** Input that is not acceptable YAML; always carries the place of the problem. */
public final class YamlException extends Exception {

    private final SourcePosition position;

    public YamlException(SourcePosition position, String message) {
        super(message);
        this.position = position;
    }

    public SourcePosition position() {
        return position;
    }

    @Override
    public String toString() {
        return position + ": " + getMessage();
    }
}
