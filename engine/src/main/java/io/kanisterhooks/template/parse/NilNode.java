package io.kanisterhooks.template.parse;

import java.util.List;

/** The untyped constant {@code nil}. */
public final class NilNode extends Node {
    NilNode(int position) {
        super(NodeType.NIL, position);
    }

    @Override
    public List<Node> children() {
        return List.of();
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append("nil");
    }
}
