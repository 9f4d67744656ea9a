package io.kanisterhooks.template.parse;

import java.util.List;

/** A template comment (kept only when the parser is asked to keep comments). */
public final class CommentNode extends Node {
    private final String text;

    CommentNode(int position, String text) {
        super(NodeType.COMMENT, position);
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
        sb.append("{{").append(text).append("}}");
    }
}
