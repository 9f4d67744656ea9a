package io.kanisterhooks.template.parse;

import java.util.List;

/** The cursor {@code .}. */
public final class DotNode extends Node {
    DotNode(int position) {
        super(NodeType.DOT, position);
    }

    @Override
    public List<Node> children() {
        return List.of();
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append('.');
    }
}
