package io.kanisterhooks.template.parse;

import java.util.List;

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
    public List<Node> children() {
        return List.of();
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append(quoted);
    }
}
