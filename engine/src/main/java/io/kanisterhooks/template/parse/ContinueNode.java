package io.kanisterhooks.template.parse;

import java.util.List;

/** {@code {{continue}}} inside a {@code range}. */
public final class ContinueNode extends Node {
    ContinueNode(int position) {
        super(NodeType.CONTINUE, position);
    }

    @Override
    public List<Node> children() {
        return List.of();
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append("{{continue}}");
    }
}
