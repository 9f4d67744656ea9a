package io.kanisterhooks.template.parse;

import java.util.List;

/** {@code {{break}}} inside a {@code range}. */
public final class BreakNode extends Node {
    BreakNode(int position) {
        super(NodeType.BREAK, position);
    }

    @Override
    public List<Node> children() {
        return List.of();
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append("{{break}}");
    }
}
