package io.kanisterhooks.template.parse;

import java.util.List;

/** A function name, e.g. {@code printf} or {@code toJson}. */
public final class IdentifierNode extends Node {
    private final String ident;

    IdentifierNode(int position, String ident) {
        super(NodeType.IDENTIFIER, position);
        this.ident = ident;
    }

    public String ident() {
        return ident;
    }

    @Override
    public List<Node> children() {
        return List.of();
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append(ident);
    }
}
