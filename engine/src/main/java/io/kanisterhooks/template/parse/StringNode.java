package io.kanisterhooks.template.parse;

/** A string constant, quoted or raw. */
public final class StringNode extends Node {
    private final String quoted;
    private final String text;

    StringNode(int position, String quoted, String text) {
        super(NodeType.STRING, position);
        this.quoted = quoted;
        this.text = text;
    }

    /** The literal as written, with quotes. */
    public String quoted() {
        return quoted;
    }

    /** The string value. */
    public String text() {
        return text;
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append(quoted);
    }
}
