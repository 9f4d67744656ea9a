package io.kanisterhooks.template.parse;

/** The cursor {@code .}. */
public final class DotNode extends Node {
    DotNode(int position) {
        super(NodeType.DOT, position);
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append('.');
    }
}
