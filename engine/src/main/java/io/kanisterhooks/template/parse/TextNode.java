package io.kanisterhooks.template.parse;

import java.util.List;

/** Plain text between actions, copied to the output. */
public final class TextNode extends Node {
    private final String text;

    TextNode(int position, String text) {
        super(NodeType.TEXT, position);
        this.text = text;
    }

    public String text() {
        return text;
    }

    @Override
    public List<Node> children() {
        return List.of();
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append(text);
    }
}
