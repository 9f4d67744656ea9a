package io.kanisterhooks.template.parse;

/** The untyped constant {@code nil}. */
public final class NilNode extends Node {
    NilNode(int position) {
        super(NodeType.NIL, position);
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append("nil");
    }
}
