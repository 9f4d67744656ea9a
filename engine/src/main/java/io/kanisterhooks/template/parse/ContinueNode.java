package io.kanisterhooks.template.parse;

/** {@code {{continue}}} inside a {@code range}. */
public final class ContinueNode extends Node {
    ContinueNode(int position) {
        super(NodeType.CONTINUE, position);
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append("{{continue}}");
    }
}
