package io.kanisterhooks.template.parse;

import java.util.List;

/** The constant {@code true} or {@code false}. */
public final class BoolNode extends Node {
    private final boolean value;

    BoolNode(int position, boolean value) {
        super(NodeType.BOOL, position);
        this.value = value;
    }

    public boolean value() {
        return value;
    }

    @Override
    public List<Node> children() {
        return List.of();
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append(value);
    }
}
