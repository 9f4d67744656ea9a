package io.kanisterhooks.template.parse;

/** {@code {{break}}} inside a {@code range}. */
public final class BreakNode extends Node {
    BreakNode(int position) {
        super(NodeType.BREAK, position);
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append("{{break}}");
    }
}
